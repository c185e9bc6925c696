import type { Rule } from '../../engine/types';
import type { Word } from '../commands';
import type { DockerfileModel } from '../model';
import { invocations } from '../package-managers';

// Options of `pip install` that take a value (the value is not a package).
const WITH_VALUE = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--prefix', '--root', '--python-version', '--platform', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--cache-dir', '--trusted-host', '--proxy', '--timeout', '--retries', '--log', '--only-binary', '--no-binary', '--config-settings', '-C', '--global-option', '--report']);

/** A requirement that names a package without an exact version (`flask`, `flask>=2`), not a path, URL or archive. */
function unpinned(word: string): boolean {
  if (/^[.~/$]|\.(whl|tar\.gz|zip)$|:\/\/|@/.test(word)) return false;
  if (/===?[^=]/.test(word)) return false;
  return /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?([<>!~]=?.*)?$/.test(word);
}

export const pipUnpinned: Rule<DockerfileModel> = {
  id: 'dockerfile/pip-unpinned',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  category: 'reliability',
  description: '`pip install` of packages without pinned versions and without a constraints or lock file.',
  docs: `\`pip install flask\` installs whatever is newest on the day of the build, and so do its dependencies. Pin exact
versions (\`flask==3.0.3\`), or install from a lock/requirements file (\`-r requirements.txt\`, ideally with
\`--require-hashes\`) or with a constraints file (\`-c constraints.txt\`). Local paths, wheels and URLs are not reported.

**Bad**
\`\`\`dockerfile
RUN pip install flask gunicorn
\`\`\`
**Good**
\`\`\`dockerfile
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
\`\`\``,
  check(ctx) {
    for (const inv of invocations(ctx.model, ['pip', 'pip3', 'python', 'python3'])) {
      let args = inv.args;
      if (/^python/.test(inv.program.value.split('/').pop()!)) {
        const m = args.findIndex((w) => w.value === '-m');
        if (m < 0 || !/^pip3?$/.test(args[m + 1]?.value ?? '')) continue;
        args = args.slice(m + 2);
      }
      const install = args.findIndex((w) => w.value === 'install');
      if (install < 0 || args.slice(0, install).some((w) => !w.value.startsWith('-'))) continue;
      const rest = args.slice(install + 1);
      if (rest.some((w) => ['-c', '--constraint', '--require-hashes'].includes(w.value) || /^--constraint=/.test(w.value))) continue;
      const packages: Word[] = [];
      for (let i = 0; i < rest.length; i++) {
        const v = rest[i].value;
        if (v.startsWith('-')) {
          if (WITH_VALUE.has(v)) i++;
          continue;
        }
        if (unpinned(v)) packages.push(rest[i]);
      }
      for (const p of packages) {
        ctx.report({ range: ctx.model.index.range(p.start, p.end), message: `"${p.value}" is installed without a pinned version or constraints file: pin it (${p.value.replace(/[<>!~=].*$/, '')}==<version>) or use -r/-c with a lock file.` });
      }
    }
  },
};
