import type { Rule } from '../../engine/types';
import { get, getIn, keyRange, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { intAt } from '../pod';

const MINIMUM = 3;

export const hpaMinimumReplicas: Rule<KubernetesModel> = {
  id: 'kubernetes/hpa-minimum-replicas',
  aliases: ['kube-linter/hpa-minimum-three-replicas'],
  severity: 'info',
  profile: 'strict',
  category: 'reliability',
  description: 'HorizontalPodAutoscaler may scale below three replicas.',
  docs: `With fewer than three replicas, losing one pod (a node drain, a crash, a zone outage) removes half of the capacity or
more just when the autoscaler decided it was needed. Keep \`minReplicas\` at 3 or more for services that matter. An unset
\`minReplicas\` means 1. (\`kubernetes/hpa-replicas\` reports the stronger case of a single replica in every profile.)

**Good**
\`\`\`yaml
spec:
  minReplicas: 3
  maxReplicas: 10
\`\`\``,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'HorizontalPodAutoscaler') continue;
      const spec = get(m.root, 'spec');
      if (!spec) continue;
      const node = getIn(spec, ['minReplicas']);
      const min = node === undefined ? 1 : intAt(spec, 'minReplicas');
      if (min === undefined || min >= MINIMUM) continue;
      ctx.report({
        range: (node && rangeOf(ctx.model.index, node)) || keyRange(ctx.model.index, m.root, 'spec')!,
        message: `HorizontalPodAutoscaler "${m.name ?? '?'}" may scale down to ${min} replica${min === 1 ? '' : 's'}${node === undefined ? ' (minReplicas is not set)' : ''}; keep at least ${MINIMUM}.`,
      });
    }
  },
};
