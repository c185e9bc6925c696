import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { isVariable, wordRange } from '../run-queries';
import { DNF, rpmInstalls, rpmPinned } from '../packages';

export const dnfPin: Rule<DockerfileModel> = {
  id: 'dockerfile/dnf-pin',
  aliases: ['DL3041'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`dnf install` of a package without a pinned version.',
  docs: `Without a version each build installs whatever the repository holds that day. Pin packages as
\`name-version\` (\`httpd-2.4.62\`), and modules as \`name:stream\`. Local \`.rpm\` files are accepted.

**Bad**
\`\`\`dockerfile
RUN dnf install -y httpd && dnf clean all
\`\`\`
**Good**
\`\`\`dockerfile
RUN dnf install -y httpd-2.4.62 && dnf clean all
\`\`\``,
  check(ctx) {
    for (const { operands, module } of rpmInstalls(ctx.model, DNF)) {
      for (const pkg of operands) {
        if (!pkg.text || isVariable(pkg) || pkg.text.startsWith('@') || /^(\.{0,2}\/|https?:)/.test(pkg.text)) continue;
        if (module ? pkg.text.includes(':') : rpmPinned(pkg.text)) continue;
        const hint = module ? `${pkg.text}:<stream>` : `${pkg.text}-<version>`;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${pkg.text}": dnf ${module ? 'module ' : ''}install ${hint}.` });
      }
    }
  },
};
