import type { Rule } from '../../engine/types';
import { get, isSeq, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { policyRules } from '../rbac';

export const wildcardRbac: Rule<KubernetesModel> = {
  id: 'kubernetes/rbac-wildcard',
  aliases: ['kube-linter/wildcard-in-rules'],
  severity: 'info',
  profile: 'all',
  category: 'security',
  description: 'Role rule uses a `*` wildcard in its verbs or resources.',
  docs: `A wildcard grants everything that exists now and everything added later (new verbs, CRDs), so permissions grow
silently. List the verbs and resources the role needs (CIS Benchmark 5.1.3).`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'Role' && m.kind !== 'ClusterRole') continue;
      for (const r of policyRules(m)) {
        for (const field of ['verbs', 'resources']) {
          const list = get(r.node, field);
          if (!isSeq(list)) continue;
          const star = list.items.find((i) => scalarString(i) === '*');
          if (star) ctx.report({ range: rangeOf(ctx.model.index, star as never)!, message: `${m.kind} "${m.name ?? '?'}" grants * in its ${field}.` });
        }
      }
    }
  },
};
