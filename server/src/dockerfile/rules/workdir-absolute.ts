import type { Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';
import { resolveWorkdir } from '../run-model';

export const workdirAbsolute: Rule<DockerfileModel> = {
  id: 'dockerfile/workdir-absolute',
  aliases: ['DL3000', 'WorkdirRelativePath'],
  severity: 'error',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: 'WORKDIR with a relative path depends on the directory the base image happens to set.',
  docs: `A relative WORKDIR is resolved against the previous one, which may come from the base image and change with
it. Use absolute paths. When an earlier WORKDIR of the stage is known, the quick fix writes the absolute path it
resolves to.

**Bad**
\`\`\`dockerfile
WORKDIR app
\`\`\`
**Good**
\`\`\`dockerfile
WORKDIR /usr/src/app
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const stage of allStages(model)) {
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'WORKDIR') continue;
        const range = ins.getArgumentsRange();
        const raw = ins.getArgumentsContent()?.trim();
        if (!range || !raw) continue;
        const value = raw.replace(/^(["'])(.*)\1$/, '$2');
        if (value.startsWith('/') || value.startsWith('$') || /^[A-Za-z]:([\\/]|$)/.test(value) || value.startsWith('\\')) continue;
        const before = stage.scope.workdirBefore.get(ins);
        const absolute = before?.startsWith('/') ? resolveWorkdir(before, value) : undefined;
        ctx.report({
          range,
          message: `WORKDIR "${value}" is relative; use an absolute path${absolute ? ` (${absolute})` : ''}.`,
          // BuildKit only warns while no absolute WORKDIR was set in the build.
          aliases: before && /^[/$]/.test(before) ? ['DL3000'] : ['DL3000', 'WorkdirRelativePath'],
          fix: absolute ? { title: `Use ${absolute}`, edits: [{ range, newText: absolute }] } : undefined,
        });
      }
    }
  },
};
