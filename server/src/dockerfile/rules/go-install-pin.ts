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
\`./...\`) and \`.go\` files are accepted; for \`go run\` only the package is checked, not the program's arguments;
\`go install tool …\` (Go 1.24 tools, pinned by \`go.mod\`) is not reported.

**Bad**
\`\`\`dockerfile
RUN go install golang.org/x/tools/gopls@latest
\`\`\`
**Good**
\`\`\`dockerfile
RUN go install golang.org/x/tools/gopls@v0.17.1
\`\`\``,
  check(ctx) {
    for (const { cmd, sub, operands } of subcommandsOf(ctx.model, ['go'], ['install', 'get', 'run'], VALUE_OPTIONS)) {
      // `go install tool …` / `go get -tool`: tools of the module, whose versions go.mod pins.
      if (operands[0]?.text === 'tool' || cmd.args.some((a) => a.text === '-tool')) continue;
      // `go run pkg args…`: what follows the package belongs to the program.
      for (const pkg of sub.text === 'run' ? operands.slice(0, 1) : operands) {
        const t = pkg.text;
        if (!t || isVariable(pkg) || /^(\.|\/)/.test(t) || /\.go$/.test(t) || !t.replace(/@.*$/, '').includes('.')) continue;
        const version = t.includes('@') ? t.slice(t.lastIndexOf('@') + 1) : '';
        if (version && version !== 'latest' && version !== 'none') continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${t.replace(/@.*$/, '')}": go ${sub.text} ${t.replace(/@.*$/, '')}@<version>.` });
      }
    }
  },
};
