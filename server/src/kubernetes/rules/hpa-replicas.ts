import type { Rule } from '../../engine/types';
import { getIn, keyRange, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { intAt } from '../pod';

export const hpaReplicas: Rule<KubernetesModel> = {
  id: 'kubernetes/hpa-replicas',
  aliases: ['polaris/hpaMinAvailability', 'polaris/hpaMaxAvailability'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: 'HorizontalPodAutoscaler can scale to a single replica, or cannot scale at all.',
  docs: `\`minReplicas: 1\` lets the autoscaler leave one pod, so any restart is an outage; \`maxReplicas\` not above
\`minReplicas\` means the autoscaler can never add capacity. Use \`minReplicas\` ≥ 2 and \`maxReplicas\` > \`minReplicas\`.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'HorizontalPodAutoscaler') continue;
      const min = intAt(m.root, 'spec', 'minReplicas');
      const max = intAt(m.root, 'spec', 'maxReplicas');
      if (min !== undefined && min < 2) {
        ctx.report({ range: rangeOf(ctx.model.index, getIn(m.root, ['spec', 'minReplicas']))!, message: `HorizontalPodAutoscaler "${m.name ?? '?'}" may scale down to ${min} replica.`, aliases: ['polaris/hpaMinAvailability'] });
      }
      if (max !== undefined && min !== undefined && max <= min) {
        ctx.report({
          range: rangeOf(ctx.model.index, getIn(m.root, ['spec', 'maxReplicas'])) ?? keyRange(ctx.model.index, m.root, 'kind')!,
          message: `HorizontalPodAutoscaler "${m.name ?? '?'}" has maxReplicas ${max}, not above minReplicas ${min}: it cannot scale up.`,
          aliases: ['polaris/hpaMaxAvailability'],
        });
      }
    }
  },
};
