import type { Rule } from '../../engine/types';
import { get, getIn, insertIntoMap, isMap, keyRange } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

export const pdbUnhealthyEvictionPolicy: Rule<KubernetesModel> = {
  id: 'kubernetes/pdb-unhealthy-eviction-policy',
  aliases: ['kube-linter/pdb-unhealthy-pod-eviction-policy'],
  severity: 'info',
  profile: 'strict',
  category: 'reliability',
  fixable: true,
  description: 'PodDisruptionBudget does not set `unhealthyPodEvictionPolicy`.',
  docs: `By default (\`IfHealthyBudget\`) pods that are running but not ready count against the budget, so a crash-looping
workload can block node drains forever. \`AlwaysAllow\` lets unhealthy pods be evicted. Set it explicitly either way.
Checked for \`policy/v1\` budgets only: older API versions do not have the field.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      // The field exists in policy/v1 only (Kubernetes 1.26+); policy/v1beta1 has no such setting.
      if (m.kind !== 'PodDisruptionBudget' || m.apiVersion !== 'policy/v1') continue;
      const spec = get(m.root, 'spec');
      if (!isMap(spec) || getIn(spec, ['unhealthyPodEvictionPolicy']) !== undefined) continue;
      ctx.report({
        range: keyRange(ctx.model.index, m.root, 'spec')!,
        message: `PodDisruptionBudget "${m.name ?? '?'}" does not set unhealthyPodEvictionPolicy.`,
        fix: { title: 'Set unhealthyPodEvictionPolicy: AlwaysAllow', edits: [insertIntoMap(ctx.model.index, spec, { unhealthyPodEvictionPolicy: 'AlwaysAllow' })], safe: false },
      });
    }
  },
};
