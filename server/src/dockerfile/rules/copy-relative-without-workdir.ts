import type { Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';
import { copyParts } from '../instructions';

export const copyRelativeWithoutWorkdir: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-relative-without-workdir',
  aliases: ['DL3045'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: 'COPY to a relative destination before any WORKDIR: the target depends on the base image.',
  docs: `A relative destination is resolved against the working directory, which (without a WORKDIR in this stage or
the stage it builds on) is whatever the base image set — and can change with it. Set WORKDIR first or use an
absolute destination.

**Bad**
\`\`\`dockerfile
FROM node:22
COPY package.json .
\`\`\`
**Good**
\`\`\`dockerfile
FROM node:22
WORKDIR /app
COPY package.json .
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const stage of allStages(model)) {
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'COPY') continue;
        if (stage.scope.workdirBefore.get(ins) !== undefined) continue;
        const { dest } = copyParts(model, ins);
        if (!dest) continue;
        const v = dest.value.replace(/^(["'])(.*)\1$/, '$2');
        if (!v || v.startsWith('/') || v.startsWith('$') || /^[A-Za-z]:([\\/]|$)/.test(v) || v.startsWith('\\')) continue;
        ctx.report({ range: dest.range, message: `COPY to relative destination "${v}" without a WORKDIR: set WORKDIR first or use an absolute path.` });
      }
    }
  },
};
