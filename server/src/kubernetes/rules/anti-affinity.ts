import type { Rule } from '../../engine/types';
import { get, getIn, isSeq, keyRange, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { intAt, podRange, stringItems } from '../pod';

const KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DeploymentConfig']);

export const antiAffinity: Rule<KubernetesModel> = {
  id: 'kubernetes/anti-affinity',
  aliases: ['kube-linter/no-anti-affinity'],
  severity: 'info',
  profile: 'strict',
  category: 'reliability',
  description: 'Replicated workload has no pod anti-affinity, so its replicas may share a node.',
  docs: `With several replicas and no \`podAntiAffinity\`, the scheduler may place them all on one node, which one failure
then takes down. Add a (preferred) anti-affinity term on \`kubernetes.io/hostname\` matching the pods' labels, or a
topology spread constraint. A term whose \`namespaces\` leave out the pod's own namespace does not apply to its replicas.`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      const m = pod.owner;
      if (!KINDS.has(m.kind ?? '')) continue;
      const replicas = intAt(m.root, 'spec', 'replicas') ?? 1;
      if (replicas < 2) continue;
      const anti = getIn(pod.spec, ['affinity', 'podAntiAffinity']);
      const required = get(anti, 'requiredDuringSchedulingIgnoredDuringExecution');
      const preferred = get(anti, 'preferredDuringSchedulingIgnoredDuringExecution');
      const terms = [...(isSeq(required) ? required.items : []), ...(isSeq(preferred) ? preferred.items.map((p) => get(p, 'podAffinityTerm')) : [])];
      if (!terms.length) {
        ctx.report({ range: keyRange(ctx.model.index, pod.spec, 'affinity') ?? podRange(ctx.model, pod), message: `${m.kind} "${m.name ?? '?'}" has ${replicas} replicas but no pod anti-affinity.` });
        continue;
      }
      const ns = m.namespace ?? 'default';
      for (const term of terms) {
        const namespaces = stringItems(get(term, 'namespaces'));
        if (!namespaces.length || get(term, 'namespaceSelector') !== undefined || namespaces.some((n) => n.value === ns)) continue;
        ctx.report({ range: rangeOf(ctx.model.index, get(term, 'namespaces'))!, message: `The anti-affinity term lists namespaces that leave out the pod's own ("${ns}"), so it does not spread the replicas.` });
      }
    }
  },
};
