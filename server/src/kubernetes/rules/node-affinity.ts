import type { Rule } from '../../engine/types';
import { get, getIn, isMap } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { podRange } from '../pod';

export const nodeAffinity: Rule<KubernetesModel> = {
  id: 'kubernetes/node-affinity',
  aliases: ['kube-linter/no-node-affinity'],
  severity: 'info',
  profile: 'all',
  category: 'reliability',
  description: 'The pod does not say which nodes it may run on (no node affinity or nodeSelector).',
  docs: `Without node affinity the scheduler may place the pod on any node: one with the wrong architecture, hardware or
zone, or a node pool reserved for something else. State the constraint with \`spec.affinity.nodeAffinity\` (required or
preferred terms); a \`nodeSelector\`, its simpler form, counts too.

**Good**
\`\`\`yaml
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - {key: kubernetes.io/arch, operator: In, values: [amd64]}
\`\`\``,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      if (getIn(pod.spec, ['affinity', 'nodeAffinity']) !== undefined) continue;
      const selector = get(pod.spec, 'nodeSelector');
      if (isMap(selector) && selector.items.length) continue;
      ctx.report({ range: podRange(ctx.model, pod), message: `${pod.owner.kind} "${pod.owner.name ?? '?'}" sets no node affinity or nodeSelector.` });
    }
  },
};
