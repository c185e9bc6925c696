import type { Rule } from '../../engine/types';
import { repoRoot, resolveIn, runScalar, workingDirectory } from '../facts';
import type { ActionsModel } from '../model';

// `npm install` / `npm i` with only flags (no package names).
const INSTALL = /\bnpm\s+(install|i)\b((?:[ \t]+--?[\w-]+(?:=\S+)?)*)(?=[ \t]*($|[;&|)\n#]))/g;

export const npmCi: Rule<ActionsModel> = {
  id: 'actions/npm-ci',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: '`npm install` in CI where a lockfile exists: `npm ci` installs exactly the locked versions.',
  docs: `\`npm install\` may update \`package-lock.json\` and install other versions than the ones you tested; \`npm ci\`
installs exactly what the lockfile says, fails if it is out of date, and is faster. Reported when
\`package-lock.json\` or \`npm-shrinkwrap.json\` exists in the step's working directory.`,
  check(ctx) {
    const model = ctx.model;
    const root = repoRoot(ctx.path, ctx.workspace);
    if (!root) return;
    for (const step of model.steps) {
      const run = runScalar(step);
      if (!run) continue;
      const [start, end] = run.range!;
      const installs = [...model.text.slice(start, end).matchAll(INSTALL)];
      // Most steps install nothing: the file system is only asked about the ones that do.
      if (!installs.length) continue;
      const dir = resolveIn(root, workingDirectory(step, model));
      const locked = ['package-lock.json', 'npm-shrinkwrap.json'].some((f) => ctx.workspace.exists(resolveIn(dir, f)));
      if (!locked) continue;
      for (const m of installs) {
        const at = start + m.index!;
        const verbEnd = at + m[0].indexOf(m[1], 3) + m[1].length;
        ctx.report({
          range: model.index.range(at, verbEnd),
          message: 'A lockfile exists: use `npm ci` to install exactly the locked versions.',
          fix: { title: 'Use npm ci', edits: [{ range: model.index.range(at, verbEnd), newText: 'npm ci' }] },
        });
      }
    }
  },
};
