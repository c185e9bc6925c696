import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { copyParts, flagValue } from '../instructions';

export const copyWholeFilesystem: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-whole-filesystem',
  aliases: ['DL3067'],
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  description: '`COPY --from=… / /` copies a whole filesystem from another stage or image.',
  docs: `Copying \`/\` over \`/\` brings every file of the other stage — package caches, shells, build tools — and
overwrites the base's own files. Copy only the directories you need.

**Bad**
\`\`\`dockerfile
COPY --from=build / /
\`\`\`
**Good**
\`\`\`dockerfile
COPY --from=build /out/app /usr/local/bin/app
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const ins of model.instructions) {
      if (ins.getKeyword() !== 'COPY' || !flagValue(ins, 'from')) continue;
      const { sources, dest } = copyParts(model, ins);
      const root = sources.find((s) => s.value === '/');
      if (!root || dest?.value !== '/') continue;
      ctx.report({ range: root.range, message: 'Do not copy the entire filesystem of another stage; copy only what you need.' });
    }
  },
};
