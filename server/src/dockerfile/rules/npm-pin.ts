import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { isVariable, wordRange } from '../run-queries';
import { subcommandsOf } from '../packages';

const VALUE_OPTIONS = ['--prefix', '--registry', '--cache', '-w', '--workspace', '--tag', '--omit', '--include', '--userconfig', '--loglevel'];
const LOCAL = /^(\.{0,2}\/|~\/|[a-z]+:)|\.(tgz|tar\.gz|tar)$/;
// Git sources (`git+https://…`, `git://…`, `git@host:…`, `github:user/repo`): pinned only with `#<commit|tag|semver:…>`.
const GIT = /^(git(\+[a-z]+)?:|git@|(github|gitlab|bitbucket|gist):)/;

/** `name@version` (also `@scope/name@version`), with a version other than a moving dist-tag. */
function pinned(spec: string): boolean {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  if (at < 0) return false;
  const version = spec.slice(at + 1);
  return version !== '' && version !== 'latest' && version !== 'next';
}

export const npmPin: Rule<DockerfileModel> = {
  id: 'dockerfile/npm-pin',
  aliases: ['DL3016'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`npm install` of a named package without a pinned version.',
  docs: `\`npm install <pkg>\` takes the newest release at build time. Pin it (\`pkg@1.2.3\`), or install what a lockfile
lists with \`npm ci\`. \`npm install\` without package names (from \`package.json\`), local paths and tarballs are
accepted; a git URL needs a commit or tag (\`git+https://github.com/user/repo.git#v1.2.0\`, \`github:user/repo#semver:^1\`).

**Bad**
\`\`\`dockerfile
RUN npm install -g typescript
\`\`\`
**Good**
\`\`\`dockerfile
RUN npm install -g typescript@5.7.2
\`\`\``,
  check(ctx) {
    for (const { operands } of subcommandsOf(ctx.model, ['npm'], ['install', 'i', 'add', 'isntall', 'in'], VALUE_OPTIONS)) {
      for (const pkg of operands) {
        if (!pkg.text || isVariable(pkg)) continue;
        if (GIT.test(pkg.text) ? pkg.text.includes('#') : LOCAL.test(pkg.text) || pinned(pkg.text)) continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${pkg.text}": npm install ${pkg.text.replace(/@$/, '')}@<version>.` });
      }
    }
  },
};
