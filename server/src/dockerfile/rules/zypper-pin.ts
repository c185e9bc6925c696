import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { isVariable, wordRange } from '../run-queries';
import { rpmInstalls, ZYPPER } from '../packages';

export const zypperPin: Rule<DockerfileModel> = {
  id: 'dockerfile/zypper-pin',
  aliases: ['DL3037'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`zypper install` of a package without a pinned version.',
  docs: `Without a version each build installs whatever the repository holds that day. Pin with \`name=version\`
(or a constraint such as \`name>=1.2\`). Local \`.rpm\` files are accepted.

**Bad**
\`\`\`dockerfile
RUN zypper install -y nginx && zypper clean
\`\`\`
**Good**
\`\`\`dockerfile
RUN zypper install -y nginx=1.21.5 && zypper clean
\`\`\``,
  check(ctx) {
    for (const { operands } of rpmInstalls(ctx.model, ZYPPER)) {
      for (const pkg of operands) {
        if (!pkg.text || isVariable(pkg) || /[=<>]/.test(pkg.text) || /\.rpm$|^(\.{0,2}\/|https?:)/.test(pkg.text)) continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${pkg.text}": zypper install ${pkg.text}=<version>.` });
      }
    }
  },
};
