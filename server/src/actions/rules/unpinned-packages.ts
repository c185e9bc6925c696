import type { Rule } from '../../engine/types';
import { runScalar } from '../facts';
import type { ActionsModel } from '../model';

const PIP = /\b(?:pip[\d.]*|python[\d.]*\s+-m\s+pip)\s+install\b([^\n;&|#]*)/g;
const NPM = /\bnpm\s+(?:install|i|add)\b([^\n;&|#]*)/g;
const GEM = /\bgem\s+install\b([^\n;&|#]*)/g;
const NPX_YES = /\bnpx\s+(?:-y|--yes)\b/g;

/** Option flags that take a value, per installer. */
const PIP_VALUE_FLAGS = /^(-r|--requirement|-c|--constraint|-e|--editable|-i|--index-url|--extra-index-url|-f|--find-links|-t|--target|--prefix|--root|--python-version|--platform)$/;

/** pip arguments without a pinned version (`name==1.2`, a file, a URL, `.` and options are fine). */
function unpinnedPip(args: string): string[] {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (PIP_VALUE_FLAGS.test(w)) i++;
      continue;
    }
    if (/[=<>~]=|@|^\.|\/|\\|\.whl$|\.tar\.gz$|^\$|\$\{\{/.test(w)) continue;
    const name = w.replace(/^["']|["']$/g, '');
    if (!/^(pip|setuptools|wheel)$/i.test(name)) out.push(name);
  }
  return out;
}

/** npm package arguments without an exact version (`pkg@1.2.3` is fine; ranges and tags are not). */
function unpinnedNpm(args: string): string[] {
  const out: string[] = [];
  for (const w of args.trim().split(/\s+/).filter(Boolean)) {
    if (w.startsWith('-') || /^[.~/$]|\$\{\{|:/.test(w)) continue;
    const at = w.lastIndexOf('@');
    const version = at > 0 ? w.slice(at + 1) : '';
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) out.push(w.replace(/^["']|["']$/g, ''));
  }
  return out;
}

/** gem names when no `-v`/`--version` pins them. */
function unpinnedGem(args: string): string[] {
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.some((w) => /^(-v|--version)$/.test(w) || /^--version=/.test(w))) return [];
  return words.filter((w) => !w.startsWith('-') && !/^\$|\.gem$/.test(w));
}

const CHECKS: Array<[RegExp, (args: string) => string[]]> = [[PIP, unpinnedPip], [NPM, unpinnedNpm], [GEM, unpinnedGem]];

export const unpinnedPackages: Rule<ActionsModel> = {
  id: 'actions/unpinned-packages',
  aliases: ['zizmor/unpinned-packages'],
  severity: 'info',
  profile: 'recommended',
  category: 'reliability',
  description: 'Packages installed in a script without a pinned version (`pip install x`, `npm install x`, `gem install x`, `npx -y`).',
  docs: `Unpinned packages make builds change under you and let a compromised release in immediately. Pin exact
versions (\`pkg==1.2.3\`, \`pkg@1.2.3\`, \`gem install pkg -v 1.2.3\`) or install from the project's manifest and lockfile
(\`pip install -r requirements.txt\`, \`npm ci\`, \`bundle install\`). \`npx -y\` downloads whatever version is current.`,
  check(ctx) {
    const model = ctx.model;
    for (const step of model.steps) {
      const run = runScalar(step);
      if (!run) continue;
      const [start, end] = run.range!;
      const src = model.text.slice(start, end);
      for (const [re, unpinned] of CHECKS) {
        for (const m of src.matchAll(re)) {
          const pkgs = unpinned(m[1]);
          if (!pkgs.length) continue;
          const at = start + m.index!;
          ctx.report({ range: model.index.range(at, at + m[0].trimEnd().length), message: `${pkgs.join(', ')} ${pkgs.length > 1 ? 'are' : 'is'} installed without a pinned version.` });
        }
      }
      for (const m of src.matchAll(NPX_YES)) {
        const at = start + m.index!;
        ctx.report({ range: model.index.range(at, at + m[0].length), message: '`npx -y` runs whatever version of the package is current: pin it (`npx pkg@1.2.3`) or add it to package.json.' });
      }
    }
  },
};
