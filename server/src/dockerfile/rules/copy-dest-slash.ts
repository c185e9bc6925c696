import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { copyParts, withTriggers } from '../instructions';

export const copyDestSlash: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-dest-slash',
  aliases: ['DL3021'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  fixable: true,
  description: 'COPY or ADD of several sources to a destination that does not end with `/`.',
  docs: `With more than one source the destination must be a directory, written with a trailing \`/\`; otherwise the
build fails. The quick fix adds the \`/\`.

**Bad**
\`\`\`dockerfile
COPY package.json package-lock.json /app
\`\`\`
**Good**
\`\`\`dockerfile
COPY package.json package-lock.json /app/
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const ins of withTriggers(model.instructions)) {
      const keyword = ins.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const { sources, dest } = copyParts(model, ins);
      if (sources.length < 2 || !dest || dest.value.endsWith('/') || dest.value === '.' || dest.value.endsWith('\\')) continue;
      const at = dest.range.end;
      ctx.report({
        range: dest.range,
        message: `${keyword} has ${sources.length} sources, so the destination "${dest.value}" must be a directory ending with "/".`,
        fix: { title: 'Add a trailing /', edits: [{ range: { start: at, end: at }, newText: '/' }] },
      });
    }
  },
};
