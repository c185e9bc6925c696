import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { cacheMounted, hasOption, insertAfter, spanRange } from '../run-queries';
import { APK_VALUE_OPTIONS, subcommandsOf } from '../packages';

export const apkNoCache: Rule<DockerfileModel> = {
  id: 'dockerfile/apk-no-cache',
  aliases: ['DL3019'],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`apk add` without `--no-cache` keeps the package index in the layer.',
  docs: `\`apk add --no-cache\` fetches the index on the fly and stores nothing, so no \`apk update\` and no
\`rm -rf /var/cache/apk/*\` is needed. A cache mount on \`/var/cache/apk\` (or \`/etc/apk/cache\`) also keeps the cache
out of the image and is accepted. The quick fix adds \`--no-cache\` after \`add\`.

**Bad**
\`\`\`dockerfile
RUN apk add curl=8.11.1-r0
\`\`\`
**Good**
\`\`\`dockerfile
RUN apk add --no-cache curl=8.11.1-r0
\`\`\``,
  check(ctx) {
    for (const { cmd, run, sub } of subcommandsOf(ctx.model, ['apk'], ['add'], APK_VALUE_OPTIONS)) {
      if (hasOption(cmd, ['no-cache'])) continue;
      if (cacheMounted(run, /^(\/var\/cache\/apk|\/etc\/apk\/cache)$/)) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, sub),
        message: 'Use apk add --no-cache so that the package index is not stored in the image.',
        fix: insertAfter(ctx.model, sub, ' --no-cache', 'Add --no-cache'),
      });
    }
  },
};
