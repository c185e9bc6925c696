import type { Rule } from '../../engine/types';
import { getIn, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { workspaceComplete } from '../project';
import { objectsNamed } from '../project-objects';
import { BUILT_IN_BINDINGS, BUILT_IN_EXEC_ROLES, isSystemObjectName } from '../rbac';

export const rbacBindingExecAttach: Rule<KubernetesModel> = {
  id: 'kubernetes/rbac-binding-exec-attach',
  aliases: ['polaris/clusterrolebindingPodExecAttach', 'polaris/rolebindingClusterRolePodExecAttach', 'polaris/rolebindingRolePodExecAttach'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  description: 'Binding grants a role that allows exec/attach into pods.',
  docs: `A (Cluster)RoleBinding to a role with \`pods/exec\` or \`pods/attach\` hands its subjects a shell in the pods the role
covers. The role is looked up in the workspace. Under profile \`recommended\` bindings to roles defined elsewhere are not
reported; with \`strict\`, \`all\` or \`--rules all\` the workspace is taken as complete, so a binding to a role it does not
define (other than Kubernetes' built-in ClusterRoles) is reported too: its access cannot be checked.`,
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
      const missing = !role && workspaceComplete(ctx) && !(kind === 'ClusterRole' && (BUILT_IN_EXEC_ROLES.has(name) || name === 'view' || isSystemObjectName(name)));
      if (!role?.grantsExecAttach && !missing) continue;
      const alias = m.kind === 'ClusterRoleBinding' ? 'polaris/clusterrolebindingPodExecAttach' : kind === 'ClusterRole' ? 'polaris/rolebindingClusterRolePodExecAttach' : 'polaris/rolebindingRolePodExecAttach';
      ctx.report({
        range: rangeOf(ctx.model.index, refName)!,
        message: missing
          ? `${m.kind} "${m.name ?? '?'}" grants ${kind} "${name}", which the workspace does not define: its exec/attach access cannot be checked.`
          : `${m.kind} "${m.name ?? '?'}" grants ${kind} "${name}", which allows exec/attach into pods.`,
        aliases: [alias],
      });
    }
  },
};
