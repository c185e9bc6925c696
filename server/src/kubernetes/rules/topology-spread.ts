import type { Rule } from '../../engine/types';
import { get, isSeq, keyRange } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { podRange } from '../pod';

const KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout']);

export const topologySpread: Rule<KubernetesModel> = {
  id: 'kubernetes/topology-spread',
  aliases: ['polaris/topologySpreadConstraint'],
  severity: 'info',
  profile: 'all',
  category: 'reliability',
  description: 'Replicated workload has no topologySpreadConstraints.',
  docs: `Without spread constraints the scheduler may put every replica on the same node or zone, so one failure takes them
all down. Add \`topologySpreadConstraints\` on \`kubernetes.io/hostname\` and/or \`topology.kubernetes.io/zone\`.`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      if (!KINDS.has(pod.owner.kind ?? '')) continue;
      const tsc = get(pod.spec, 'topologySpreadConstraints');
      if (isSeq(tsc) && tsc.items.length) continue;
      ctx.report({
        range: keyRange(ctx.model.index, pod.spec, 'topologySpreadConstraints') ?? podRange(ctx.model, pod),
        message: `${pod.owner.kind} "${pod.owner.name ?? '?'}" has no topologySpreadConstraints.`,
      });
    }
  },
};
