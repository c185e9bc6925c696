import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { pipInstalls } from '../packages';
import { isVariable, wordRange } from '../run-queries';

// A version range (`flask>=2`, `flask~=2.0`, `flask<3`), not an exact pin (`==`, `===`) nor a URL (`name @ url`).
const RANGE_ONLY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*(>=|<=|~=|!=|<|>)/;

/** Requirements with a version range and no exact pin: DL3013 (pip-pin) accepts them as pinned. */
function rangeOnly(word: string): boolean {
  return RANGE_ONLY.test(word) && !/===?/.test(word) && !word.includes('@');
}

export const pipUnpinned: Rule<DockerfileModel> = {
  id: 'dockerfile/pip-unpinned',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  category: 'reliability',
  description: '`pip install` of packages with a version range instead of an exact version, and without a constraints or lock file.',
  docs: `\`pip install "flask>=2"\` installs whatever matching release is newest on the day of the build, and so do its
dependencies: two builds of the same Dockerfile can ship different code. Pin exact versions (\`flask==3.0.3\`), or install
from a lock/requirements file (\`-r requirements.txt\`, ideally with \`--require-hashes\`) or with a constraints file
(\`-c constraints.txt\`). Packages with no version at all are reported by \`dockerfile/pip-pin\` (DL3013), not here;
local paths, wheels and URLs are not reported.

**Bad**
\`\`\`dockerfile
RUN pip install "flask>=3" "gunicorn~=22.0"
\`\`\`
**Good**
\`\`\`dockerfile
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
\`\`\``,
  check(ctx) {
    for (const { operands, args } of pipInstalls(ctx.model)) {
      if (args.some((a) => ['-c', '--constraint', '--require-hashes'].includes(a.text) || a.text.startsWith('--constraint='))) continue;
      for (const pkg of operands) {
        if (isVariable(pkg) || !rangeOnly(pkg.text)) continue;
        const name = pkg.text.replace(/\s*[<>!~=].*$/, '');
        ctx.report({
          range: wordRange(ctx.model, pkg),
          message: `"${pkg.text}" accepts any matching version: pin an exact one (${name}==<version>) or install with -r/-c from a lock file.`,
        });
      }
    }
  },
};
