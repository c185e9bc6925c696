import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { cacheMounted, insertAfter, spanRange } from '../run-queries';
import { pipInstalls } from '../packages';

export const pipNoCache: Rule<DockerfileModel> = {
  id: 'dockerfile/pip-no-cache',
  aliases: ['DL3042'],
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`pip install` without `--no-cache-dir` stores its download cache in the layer.',
  docs: `pip keeps every downloaded wheel under \`~/.cache/pip\`; in an image that is dead weight. Use
\`--no-cache-dir\`, set \`PIP_NO_CACHE_DIR\`, or mount a build cache on pip's cache directory
(\`--mount=type=cache,target=/root/.cache/pip\`), which also speeds up rebuilds. The quick fix adds \`--no-cache-dir\`.

**Bad**
\`\`\`dockerfile
RUN pip install flask==3.1.0
\`\`\`
**Good**
\`\`\`dockerfile
RUN pip install --no-cache-dir flask==3.1.0
\`\`\``,
  check(ctx) {
    for (const { cmd, run, sub, args } of pipInstalls(ctx.model)) {
      if (args.some((a) => a.text === '--no-cache-dir' || a.text.startsWith('--no-cache-dir='))) continue;
      if (run.stage.scope.env.has('PIP_NO_CACHE_DIR') || cmd.assignments.some((a) => a.text.startsWith('PIP_NO_CACHE_DIR='))) continue;
      if (cacheMounted(run, /(^|\/)\.cache(\/pip)?$|\/pip$/)) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, sub),
        message: 'Use pip install --no-cache-dir so that downloaded packages are not kept in the image.',
        fix: insertAfter(ctx.model, sub, ' --no-cache-dir', 'Add --no-cache-dir'),
      });
    }
  },
};
