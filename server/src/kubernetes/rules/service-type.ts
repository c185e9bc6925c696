import type { Rule } from '../../engine/types';
import { getIn, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

export const exposedService: Rule<KubernetesModel> = {
  id: 'kubernetes/exposed-service',
  aliases: ['kube-linter/exposed-services'],
  severity: 'info',
  profile: 'all',
  category: 'security',
  description: 'Service of type NodePort or LoadBalancer exposes pods outside the cluster.',
  docs: `NodePort opens the port on every node; LoadBalancer asks the cloud for a public address. Prefer ClusterIP behind an
Ingress or Gateway, where TLS and authentication live.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'Service') continue;
      const node = getIn(m.root, ['spec', 'type']);
      const type = scalarString(node);
      if (type !== 'NodePort' && type !== 'LoadBalancer') continue;
      ctx.report({ range: rangeOf(ctx.model.index, node)!, message: `Service "${m.name ?? '?'}" is exposed outside the cluster (${type}).` });
    }
  },
};
