import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { wordRange } from '../run-queries';
import { APK_VALUE_OPTIONS, packageWords, subcommandsOf } from '../packages';

export const apkPin: Rule<DockerfileModel> = {
  id: 'dockerfile/apk-pin',
  aliases: ['DL3018'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`apk add` of a package without a pinned version.',
  docs: `Without a version, every build installs whatever the Alpine repository holds that day. Pin with
\`package=version\` (or a constraint such as \`package~=1.2\`). Local \`.apk\` files are accepted.

**Bad**
\`\`\`dockerfile
RUN apk add --no-cache curl
\`\`\`
**Good**
\`\`\`dockerfile
RUN apk add --no-cache curl=8.11.1-r0
\`\`\``,
  check(ctx) {
    for (const { operands } of subcommandsOf(ctx.model, ['apk'], ['add'], APK_VALUE_OPTIONS)) {
      for (const pkg of packageWords(operands, /\.apk$/)) {
        if (/[=<>~]/.test(pkg.text)) continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${pkg.text}": apk add ${pkg.text}=<version>.` });
      }
    }
  },
};
