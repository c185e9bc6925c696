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
  description: '`go install`, `go get` or `go run` of a remote package without a pinned version (`@latest`, `@none` or none).',
  docs: `\`go install example.com/tool\` and \`@latest\` build whatever was released last; so do \`go get\` and
\`go run example.com/tool\`. Pin a version (\`example.com/tool@v1.2.3\`). Local packages (\`.\`, \`./cmd/tool\`,
\`./...\`) and \`.go\` files are accepted; for \`go run\` only the package is checked, not the program's arguments.
Tools count too: \`go install tool example.com/t\` and \`go get -tool example.com/t\` need \`@<version>\`.

**Bad**
\`\`\`dockerfile
RUN go install golang.org/x/tools/gopls@latest
\`\`\`
**Good**
\`\`\`dockerfile
RUN go install golang.org/x/tools/gopls@v0.17.1
\`\`\``,
  check(ctx) {
    for (const { sub, operands } of subcommandsOf(ctx.model, ['go'], ['install', 'get', 'run'], VALUE_OPTIONS)) {
      // `go run pkg args…`: what follows the package belongs to the program. `tool`, `std`, `cmd` and `all` are
      // package patterns of the toolchain or module, not packages to pin.
      const packages = operands.filter((w) => !['tool', 'std', 'cmd', 'all'].includes(w.text));
      for (const pkg of sub.text === 'run' ? packages.slice(0, 1) : packages) {
        const t = pkg.text;
        if (!t || isVariable(pkg) || /^(\.|\/)/.test(t) || /\.go$/.test(t)) continue;
        const version = t.includes('@') ? t.slice(t.lastIndexOf('@') + 1) : '';
        if (version && version !== 'latest' && version !== 'none') continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${t.replace(/@.*$/, '')}": go ${sub.text} ${t.replace(/@.*$/, '')}@<version>.` });
      }
    }
  },
};
