import type { Onbuild } from 'dockerfile-ast';
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
      let onbuildWorkdir = false;
      for (const outer of stage.instructions) {
        // `ONBUILD COPY` runs in the child image: a WORKDIR of this stage or an earlier `ONBUILD WORKDIR` applies.
        const ins = outer.getKeyword() === 'ONBUILD' ? (outer as Onbuild).getTriggerInstruction() : outer;
        if (!ins) continue;
        if (ins !== outer && ins.getKeyword() === 'WORKDIR') onbuildWorkdir = true;
        if (ins.getKeyword() !== 'COPY') continue;
        if (stage.scope.workdirBefore.get(outer) !== undefined || (ins !== outer && onbuildWorkdir)) continue;
        const { dest, json } = copyParts(model, ins);
        if (!dest) continue;
        // As written: the parser drops the backslashes of a Windows path (`c:\\app`) as escapes.
        const raw = json ? dest.value : model.text.slice(dest.start, dest.end);
        const v = raw.replace(/^(["'])(.*)\1$/, '$2');
        if (!v || v.startsWith('/') || v.startsWith('$') || /^[A-Za-z]:([\\/]|$)/.test(v) || v.startsWith('\\')) continue;
        ctx.report({ range: dest.range, message: `COPY to relative destination "${v}" without a WORKDIR: set WORKDIR first or use an absolute path.` });
      }
    }
  },
};
