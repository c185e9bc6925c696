import type { Rule } from '../../engine/types';
import { get, isMap, isSeq, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { containerLabel, intAt } from '../pod';

export const privilegedPorts: Rule<KubernetesModel> = {
  id: 'kubernetes/privileged-ports',
  aliases: ['kube-linter/privileged-ports'],
  severity: 'info',
  profile: 'all',
  category: 'security',
  description: 'Container listens on a privileged port (below 1024).',
  docs: `Binding ports below 1024 needs root or \`NET_BIND_SERVICE\`. Listen on a high port (8080) and let the Service map port
80 to it, so the container can run as non-root with no capabilities.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const ports = get(c.node, 'ports');
      if (!isSeq(ports)) continue;
      for (const p of ports.items) {
        const port = intAt(p, 'containerPort');
        if (!isMap(p) || port === undefined || port <= 0 || port >= 1024) continue;
        ctx.report({ range: rangeOf(ctx.model.index, get(p, 'containerPort'))!, message: `${containerLabel(c)} listens on privileged port ${port}.` });
      }
    }
  },
};
