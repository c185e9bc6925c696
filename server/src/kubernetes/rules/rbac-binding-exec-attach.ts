import type { Rule } from '../../engine/types';
import { getIn, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { objectsNamed } from '../project-objects';
import { BUILT_IN_BINDINGS, isSystemObjectName } from '../rbac';

export const rbacBindingExecAttach: Rule<KubernetesModel> = {
  id: 'kubernetes/rbac-binding-exec-attach',
  aliases: ['polaris/clusterrolebindingPodExecAttach', 'polaris/rolebindingClusterRolePodExecAttach', 'polaris/rolebindingRolePodExecAttach'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  description: 'Binding grants a role that allows exec/attach into pods.',
  docs: `A (Cluster)RoleBinding to a role with \`pods/exec\` or \`pods/attach\` hands its subjects a shell in the pods the role
covers. The role is looked up in the workspace; bindings to roles defined elsewhere are not reported.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'RoleBinding' && m.kind !== 'ClusterRoleBinding') continue;
      if (BUILT_IN_BINDINGS.has(m.name ?? '') || isSystemObjectName(m.name)) continue;
      const refKind = getIn(m.root, ['roleRef', 'kind']);
      const refName = getIn(m.root, ['roleRef', 'name']);
      const kind = scalarString(refKind) ?? '';
      const name = scalarString(refName) ?? '';
      if (kind !== 'Role' && kind !== 'ClusterRole') continue;
      const role = objectsNamed(ctx, kind, name).find((r) => kind === 'ClusterRole' || (r.namespace ?? '') === (m.namespace ?? ''));
      if (!role?.grantsExecAttach) continue;
      const alias = m.kind === 'ClusterRoleBinding' ? 'polaris/clusterrolebindingPodExecAttach' : kind === 'ClusterRole' ? 'polaris/rolebindingClusterRolePodExecAttach' : 'polaris/rolebindingRolePodExecAttach';
      ctx.report({
        range: rangeOf(ctx.model.index, refName)!,
        message: `${m.kind} "${m.name ?? '?'}" grants ${kind} "${name}", which allows exec/attach into pods.`,
        aliases: [alias],
      });
    }
  },
};
