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
workload can block node drains forever. \`AlwaysAllow\` lets unhealthy pods be evicted. Set it explicitly either way.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'PodDisruptionBudget') continue;
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
