import type { Rule } from '../../engine/types';
import { get, rangeOf, scalarString } from '../../yaml/yaml';
import { actionOf, jobStepsOf, repoRoot, resolveIn, usesAction, withValue } from '../facts';
import { addWithEntries } from '../fixes';
import type { ActionsModel, Step } from '../model';

/** The lockfile that decides setup-node's `cache:` value. */
export const NODE_LOCKS: Array<[string, string]> = [['package-lock.json', 'npm'], ['npm-shrinkwrap.json', 'npm'], ['yarn.lock', 'yarn'], ['pnpm-lock.yaml', 'pnpm']];
export const PY_FILES: Array<[string, string]> = [['requirements.txt', 'pip'], ['Pipfile.lock', 'pipenv'], ['poetry.lock', 'poetry']];

function cachedByActionsCache(steps: Step[]): boolean {
  return steps.some((s) => usesAction(s, 'actions/cache', 'actions/cache/restore') && /hashFiles\(/.test(withValue(s, 'key') ?? ''));
}

export const setupCache: Rule<ActionsModel> = {
  id: 'actions/setup-cache',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`setup-node` / `setup-python` / `setup-go` without dependency caching.',
  docs: `The setup actions can cache the package manager's download folder keyed on the lockfile, which usually saves
minutes per run. Reported when the lockfile is in the workspace and no \`actions/cache\` step keyed on
\`hashFiles(...)\` does the same.

**Good**
\`\`\`yaml
- uses: actions/setup-node@v4
  with:
    node-version: 22
    cache: npm
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    const root = repoRoot(ctx.path, ctx.workspace);
    if (!root) return;
    const exists = (f: string) => ctx.workspace.exists(resolveIn(root, f));
    for (const step of model.steps) {
      const a = actionOf(step);
      if (a?.kind !== 'remote' || withValue(step, 'cache') !== undefined) continue;
      const slug = a.slug.toLowerCase();
      let value: string | boolean | undefined;
      if (slug === 'actions/setup-node') value = NODE_LOCKS.find(([f]) => exists(f))?.[1];
      else if (slug === 'actions/setup-python') value = PY_FILES.find(([f]) => exists(f))?.[1];
      else if (slug === 'actions/setup-go' && a.major !== undefined && a.major < 4 && exists('go.sum')) value = true;
      if (value === undefined || cachedByActionsCache(jobStepsOf(step, model))) continue;
      const edit = addWithEntries(model, step, { cache: value });
      ctx.report({
        range: rangeOf(model.index, get(step.node, 'uses'))!,
        message: `${scalarString(get(step.node, 'uses'))} does not cache dependencies: add \`cache: ${value}\`.`,
        fix: edit ? { title: `Add cache: ${value}`, edits: [edit] } : undefined,
      });
    }
  },
};
