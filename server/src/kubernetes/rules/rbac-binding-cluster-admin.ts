import type { Rule } from '../../engine/types';
import { getIn, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { objectsNamed } from '../project-objects';
import { BUILT_IN_BINDINGS, isSystemObjectName } from '../rbac';

export const rbacBindingClusterAdmin: Rule<KubernetesModel> = {
  id: 'kubernetes/rbac-binding-cluster-admin',
  aliases: ['kube-linter/cluster-admin-role-binding', 'polaris/clusterrolebindingClusterAdmin', 'polaris/rolebindingClusterAdminClusterRole', 'polaris/rolebindingClusterAdminRole'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'Binding grants cluster-admin, or a role with every verb on every resource.',
  docs: `Binding \`cluster-admin\` (or a role whose rules say \`*\` for API groups, resources and verbs) gives its subjects full
control of the cluster, or of the namespace for a RoleBinding. Grant a role with just the permissions needed.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'RoleBinding' && m.kind !== 'ClusterRoleBinding') continue;
      if (BUILT_IN_BINDINGS.has(m.name ?? '') || isSystemObjectName(m.name)) continue;
      const refName = getIn(m.root, ['roleRef', 'name']);
      const kind = scalarString(getIn(m.root, ['roleRef', 'kind'])) ?? '';
      const name = scalarString(refName) ?? '';
      if (kind !== 'Role' && kind !== 'ClusterRole') continue;
      const clusterAdmin = kind === 'ClusterRole' && name === 'cluster-admin';
      const role = objectsNamed(ctx, kind, name).find((r) => kind === 'ClusterRole' || (r.namespace ?? '') === (m.namespace ?? ''));
      if (!clusterAdmin && !role?.grantsEverything) continue;
      const aliases =
        m.kind === 'ClusterRoleBinding'
          ? ['polaris/clusterrolebindingClusterAdmin', ...(clusterAdmin ? ['kube-linter/cluster-admin-role-binding'] : [])]
          : [kind === 'ClusterRole' ? 'polaris/rolebindingClusterAdminClusterRole' : 'polaris/rolebindingClusterAdminRole'];
      ctx.report({
        range: rangeOf(ctx.model.index, refName)!,
        message: clusterAdmin ? `${m.kind} "${m.name ?? '?'}" grants cluster-admin.` : `${m.kind} "${m.name ?? '?'}" grants ${kind} "${name}", which allows everything.`,
        aliases,
      });
    }
  },
};
