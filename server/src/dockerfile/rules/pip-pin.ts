import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { isVariable, wordRange } from '../run-queries';
import { pipInstalls } from '../packages';

const PINNED = /(==|>=|<=|~=|!=|<|>|@)/;
// Local paths (`src/pkg` too) and archives, and URLs of files (not of a VCS).
const LOCAL = /(\.whl|\.tar\.gz|\.tgz|\.zip|\.tar\.bz2)$|^\.$|\//;
// pip's VCS requirements (`git+https://…`, `hg+ssh://…`, `svn+…`, `bzr+…`, `git://…`): pinned only with `@<ref>`.
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;

export const pipPin: Rule<DockerfileModel> = {
  id: 'dockerfile/pip-pin',
  aliases: ['DL3013'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`pip install` of a package without a pinned version.',
  docs: `Unpinned packages make every build resolve again: a new release can break the image without any change on
your side. Pin with \`package==version\` (or a range), or install from a requirements/constraints file. Local
paths, wheels, archives and file URLs are accepted; a VCS URL needs a ref (\`git+https://host/repo.git@v1.2\`); a
constraints file (\`-c\`) pins everything, and a command that installs a requirements file (\`-r\`) or the project
itself (\`.\`) is not checked.

**Bad**
\`\`\`dockerfile
RUN pip install --no-cache-dir flask
\`\`\`
**Good**
\`\`\`dockerfile
RUN pip install --no-cache-dir flask==3.1.0
\`\`\``,
  check(ctx) {
    for (const { operands, args } of pipInstalls(ctx.model)) {
      if (args.some((a) => a.text === '-c' || a.text === '--constraint' || a.text.startsWith('--constraint='))) continue;
      // Installing from a requirements file or the project itself: the versions are decided there.
      if (args.some((a) => a.text === '-r' || a.text === '--requirement' || /^(-r.|--requirement=)/.test(a.text) || a.text === '.')) continue;
      for (const pkg of operands) {
        if (!pkg.text || isVariable(pkg)) continue;
        if (VCS.test(pkg.text) ? pkg.text.includes('@') : PINNED.test(pkg.text) || LOCAL.test(pkg.text)) continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${pkg.text}": pip install ${pkg.text}==<version>.` });
      }
    }
  },
};
