import type { Node, Pair } from 'yaml';
import { isMap, isScalar } from '../../yaml/yaml';
import type { Rule } from '../../engine/types';
import { closest } from '../expr/checker';
import type { ActionsModel } from '../model';
import { resolve } from '../structure';
import { nodeRange } from './structure-rule';

/** Scopes of the GITHUB_TOKEN and the levels each accepts. */
export const PERMISSION_SCOPES: Record<string, string[]> = {
  actions: ['read', 'write', 'none'],
  'artifact-metadata': ['read', 'write', 'none'],
  attestations: ['read', 'write', 'none'],
  checks: ['read', 'write', 'none'],
  contents: ['read', 'write', 'none'],
  deployments: ['read', 'write', 'none'],
  discussions: ['read', 'write', 'none'],
  'id-token': ['write', 'none'],
  issues: ['read', 'write', 'none'],
  models: ['read', 'none'],
  packages: ['read', 'write', 'none'],
  pages: ['read', 'write', 'none'],
  'pull-requests': ['read', 'write', 'none'],
  'repository-projects': ['read', 'write', 'none'],
  'security-events': ['read', 'write', 'none'],
  statuses: ['read', 'write', 'none'],
};

export const permissions: Rule<ActionsModel> = {
  id: 'actions/permissions',
  aliases: ['actionlint/permissions'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Unknown GITHUB_TOKEN permission scope or a level the scope does not take.',
  fixable: true,
  docs: `\`permissions:\` takes \`read-all\`, \`write-all\`, \`{}\` or a mapping of scopes (\`contents\`, \`pull-requests\`,
\`id-token\`...) to \`read\`, \`write\` or \`none\`. \`id-token\` has no \`read\` level and \`models\` no \`write\` level. GitHub
rejects a workflow with an unknown scope or level.

**Bad**
\`\`\`yaml
permissions:
  content: read
  id-token: read
\`\`\`
**Good**
\`\`\`yaml
permissions:
  contents: read
  id-token: write
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    if (!model.root || model.kind !== 'workflow') return;
    const doc = model.yaml.docs[0];
    const sections: Pair[] = [];
    const top = model.root.items.find((p) => isScalar(p.key) && p.key.value === 'permissions');
    if (top) sections.push(top as Pair);
    for (const job of model.jobs) {
      const p = job.node.items.find((q) => isScalar(q.key) && q.key.value === 'permissions');
      if (p) sections.push(p as Pair);
    }
    for (const pair of sections) {
      const value = resolve(doc, pair.value);
      if (isScalar(value)) {
        const v = value.value;
        if (v === null || v === '') {
          ctx.report({ range: nodeRange(model, v === null ? pair : value), message: '"permissions" is empty: use {} for no permissions, read-all, or a mapping of scopes.' });
          continue;
        }
        if ((typeof v === 'string' && (v.includes('${{') || v === 'read-all' || v === 'write-all'))) continue;
        ctx.report({ range: nodeRange(model, value), message: `"${String(v)}" is not a permission set: use read-all, write-all, {} or a mapping of scopes.` });
        continue;
      }
      if (!isMap(value)) {
        if (value) ctx.report({ range: nodeRange(model, value as Node), message: 'permissions must be read-all, write-all or a mapping of scopes.' });
        continue;
      }
      for (const p of value.items) {
        if (!isScalar(p.key)) continue;
        const scope = String(p.key.value);
        const levels = PERMISSION_SCOPES[scope];
        if (!levels) {
          const guess = closest(scope, Object.keys(PERMISSION_SCOPES));
          ctx.report({
            range: nodeRange(model, p.key as Node),
            message: `Unknown permission scope "${scope}".${guess ? ` Did you mean "${guess}"?` : ''} Scopes are ${Object.keys(PERMISSION_SCOPES).join(', ')}.`,
            fix: guess ? { title: `Change to "${guess}"`, edits: [{ range: nodeRange(model, p.key as Node), newText: guess }] } : undefined,
          });
          continue;
        }
        const level = isScalar(p.value) ? String(p.value.value ?? '') : '';
        if (!levels.includes(level) && !level.includes('${{')) {
          ctx.report({ range: nodeRange(model, (p.value ?? p.key) as Node), message: `"${level}" is not a level of the "${scope}" permission: use ${levels.join(', ')}.` });
        }
      }
    }
  },
};
