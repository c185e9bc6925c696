import type { Rule } from '../../engine/types';
import { get, isMap, isSeq, rangeOf, removePair } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { containerLabel, intAt } from '../pod';

export const hostPort: Rule<KubernetesModel> = {
  id: 'kubernetes/host-port',
  aliases: ['polaris/hostPortSet', 'pss/hostPorts'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: "Container binds a port on the node (hostPort).",
  docs: `A \`hostPort\` exposes the container on the node's own address, bypassing network policies and Services, and
limits the workload to one pod per node for that port. Use a Service (NodePort or LoadBalancer) instead.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const ports = get(c.node, 'ports');
      if (!isSeq(ports)) continue;
      for (const p of ports.items) {
        if (!isMap(p) || get(p, 'hostPort') === undefined) continue;
        const value = intAt(p, 'hostPort');
        if (value === 0) continue;
        ctx.report({
          range: rangeOf(ctx.model.index, get(p, 'hostPort'))!,
          message: `${containerLabel(c)} binds host port ${value ?? '?'}.`,
          fix: { title: 'Remove hostPort', edits: [removePair(ctx.model.index, p, 'hostPort')!], safe: false },
        });
      }
    }
  },
};
