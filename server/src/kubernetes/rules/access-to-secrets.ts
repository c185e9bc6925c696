import type { Rule } from '../../engine/types';
import { keyRange, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { boundRole } from '../project';

export const accessToSecrets: Rule<KubernetesModel> = {
  id: 'kubernetes/access-to-secrets',
  aliases: ['kube-linter/access-to-secrets'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  description: 'A (Cluster)RoleBinding grants a role that can read or change Secrets.',
  docs: `Whoever can \`get\`, \`list\` or \`watch\` Secrets can read every credential of the namespace (or of the cluster, through a
ClusterRoleBinding), including service account tokens that may carry more rights (CIS Benchmark 5.1.2). Grant Secret access
only to the few subjects that need it, ideally for named Secrets (\`resourceNames\`).

Reported on the binding, since a role nobody holds grants nothing. The role is looked up in the workspace; bindings to roles
defined elsewhere (including Kubernetes' built-in ones) are not reported. Rules on the core API group (\`""\` or \`*\`) whose
resources include \`secrets\` or \`*\` count, whatever the verbs.

**Bad**
\`\`\`yaml
kind: Role
metadata: {name: reader}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get, list]
---
kind: RoleBinding
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
\`\`\``,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      const bound = boundRole(ctx, m);
      const verbs = bound?.role?.secretVerbs;
      if (!bound || !verbs?.length) continue;
      ctx.report({
        range: rangeOf(ctx.model.index, bound.nameNode) ?? keyRange(ctx.model.index, m.root, 'roleRef')!,
        message: `${m.kind} "${m.name ?? '?'}" grants ${bound.kind} "${bound.name}", which can ${verbs.join(', ')} Secrets.`,
      });
    }
  },
};
