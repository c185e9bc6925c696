import type { Rule } from '../../engine/types';
import { getIn, rangeOf } from '../../yaml/yaml';
import { POD_SPEC_PATHS, type KubernetesModel } from '../model';

export const defaultNamespace: Rule<KubernetesModel> = {
  id: 'kubernetes/default-namespace',
  aliases: ['kube-linter/use-namespace'],
  severity: 'info',
  profile: 'all',
  category: 'security',
  description: 'Workload is deployed to the `default` namespace.',
  docs: `Namespaces are the unit of RBAC, quotas and network policies; everything in \`default\` shares them (CIS Benchmark
5.7.1, 5.7.4). Give each application its own namespace. Objects with no namespace are not reported (the namespace is often
set at deploy time).`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.namespace !== 'default' || !POD_SPEC_PATHS[m.kind ?? '']) continue;
      ctx.report({ range: rangeOf(ctx.model.index, getIn(m.metadata, ['namespace']))!, message: `${m.kind} "${m.name ?? '?'}" is in the default namespace.` });
    }
  },
};
