import type { Rule } from '../../engine/types';
import { runScalar } from '../facts';
import type { ActionsModel } from '../model';

const PIP = /\b(?:pip3?|python3?\s+-m\s+pip)\s+install\b([^\n;&|#]*)/g;

/** Package arguments without a pinned version (`name==1.2`, a file, a URL, `.` and options are fine). */
function unpinnedPackages(args: string): string[] {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (/^(-r|--requirement|-c|--constraint|-e|--editable|-i|--index-url|--extra-index-url|-f|--find-links|-t|--target|--prefix|--root|--python-version|--platform)$/.test(w)) i++;
      continue;
    }
    if (/[=<>~]=|@|^\.|\/|\\|\.whl$|\.tar\.gz$|^\$|\$\{\{/.test(w)) continue;
    out.push(w.replace(/^["']|["']$/g, ''));
  }
  return out;
}

export const pipUnpinned: Rule<ActionsModel> = {
  id: 'actions/pip-unpinned',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  category: 'reliability',
  description: '`pip install <package>` without a version: each run may get a different release.',
  docs: `Unpinned packages make builds change under you and let a compromised release in immediately. Pin versions
(\`pkg==1.2.3\`) or install from a requirements/lock file (\`pip install -r requirements.txt\`).`,
  check(ctx) {
    const model = ctx.model;
    for (const step of model.steps) {
      const run = runScalar(step);
      if (!run) continue;
      const [start, end] = run.range!;
      const src = model.text.slice(start, end);
      for (const m of src.matchAll(PIP)) {
        const pkgs = unpinnedPackages(m[1]).filter((p) => !/^(pip|setuptools|wheel)$/i.test(p));
        if (!pkgs.length) continue;
        const at = start + m.index!;
        ctx.report({ range: model.index.range(at, at + m[0].trimEnd().length), message: `${pkgs.join(', ')} ${pkgs.length > 1 ? 'are' : 'is'} installed without a pinned version.` });
      }
    }
  },
};
