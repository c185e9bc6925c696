import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { isVariable, wordRange } from '../run-queries';
import { subcommandsOf } from '../packages';

const VALUE_OPTIONS = ['-ldflags', '-gcflags', '-asmflags', '-tags', '-mod', '-modfile', '-p', '-pkgdir', '-toolexec', '-overlay', '-pgo', '-C', '-o'];

export const goInstallPin: Rule<DockerfileModel> = {
  id: 'dockerfile/go-install-pin',
  aliases: ['DL3062'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`go install` of a remote package without a pinned version (`@latest` or none).',
  docs: `\`go install example.com/tool\` and \`@latest\` build whatever was released last. Pin a version
(\`example.com/tool@v1.2.3\`). Local packages (\`.\`, \`./cmd/tool\`, \`./...\`) are accepted.

**Bad**
\`\`\`dockerfile
RUN go install golang.org/x/tools/gopls@latest
\`\`\`
**Good**
\`\`\`dockerfile
RUN go install golang.org/x/tools/gopls@v0.17.1
\`\`\``,
  check(ctx) {
    for (const { operands } of subcommandsOf(ctx.model, ['go'], ['install'], VALUE_OPTIONS)) {
      for (const pkg of operands) {
        const t = pkg.text;
        if (!t || isVariable(pkg) || /^(\.|\/)/.test(t) || !t.includes('.')) continue;
        const version = t.includes('@') ? t.slice(t.lastIndexOf('@') + 1) : '';
        if (version && version !== 'latest') continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${t.replace(/@.*$/, '')}": go install ${t.replace(/@.*$/, '')}@<version>.` });
      }
    }
  },
};
