import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { isVariable, wordRange } from '../run-queries';
import { pipInstalls } from '../packages';

const PINNED = /(==|>=|<=|~=|!=|<|>|@)/;
const LOCAL = /(\.whl|\.tar\.gz|\.tgz|\.zip|\.tar\.bz2)$|^(\.{0,2}\/|\.$|[a-z+]+:\/\/|git\+)/;

export const pipPin: Rule<DockerfileModel> = {
  id: 'dockerfile/pip-pin',
  aliases: ['DL3013'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`pip install` of a package without a pinned version.',
  docs: `Unpinned packages make every build resolve again: a new release can break the image without any change on
your side. Pin with \`package==version\` (or a range), or install from a requirements/constraints file. Local
paths, wheels, archives and VCS URLs are accepted; a constraints file (\`-c\`) pins everything.

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
      for (const pkg of operands) {
        if (!pkg.text || isVariable(pkg) || PINNED.test(pkg.text) || LOCAL.test(pkg.text)) continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${pkg.text}": pip install ${pkg.text}==<version>.` });
      }
    }
  },
};
