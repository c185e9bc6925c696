import type { Rule } from '../../engine/types';
import { get, getIn, isMap, keyRange, rangeOf, scalarString } from '../../yaml/yaml';
import { isApiObject, type KubernetesModel } from '../model';

export const requiredLabelOwner: Rule<KubernetesModel> = {
  id: 'kubernetes/required-label-owner',
  aliases: ['kube-linter/required-label-owner'],
  severity: 'info',
  profile: 'all',
  category: 'style',
  description: 'The object has no `owner` label.',
  docs: `An \`owner\` label says who to ask about an object (a team, a person) and lets you select everything a team runs
(\`kubectl get all -l owner=payments\`). Every object is checked, except \`List\` wrappers and kustomize files; an empty
value counts as missing.

**Good**
\`\`\`yaml
metadata:
  name: web
  labels:
    owner: payments-team
\`\`\``,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (!isApiObject(m) || !m.kind) continue;
      const labels = get(m.metadata, 'labels');
      const value = scalarString(getIn(labels, ['owner']));
      if (value?.trim()) continue;
      ctx.report({
        range:
          (value !== undefined && rangeOf(ctx.model.index, getIn(labels, ['owner']))) ||
          (isMap(labels) && keyRange(ctx.model.index, m.metadata, 'labels')) ||
          keyRange(ctx.model.index, m.root, 'metadata') ||
          keyRange(ctx.model.index, m.root, 'kind') ||
          rangeOf(ctx.model.index, m.root)!,
        message: value !== undefined ? `${m.kind} "${m.name ?? '?'}" has an empty owner label.` : `${m.kind} "${m.name ?? '?'}" has no owner label.`,
      });
    }
  },
};
