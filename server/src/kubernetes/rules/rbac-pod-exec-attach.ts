import type { Rule } from '../../engine/types';
import { keyRange, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { BUILT_IN_EXEC_ROLES, grantsExecAttach, policyRules, isSystemObjectName } from '../rbac';

export const rbacPodExecAttach: Rule<KubernetesModel> = {
  id: 'kubernetes/rbac-pod-exec-attach',
  aliases: ['polaris/clusterrolePodExecAttach', 'polaris/rolePodExecAttach'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  description: 'Role lets its holders exec or attach into pods (pods/exec, pods/attach).',
  docs: `\`pods/exec\` and \`pods/attach\` (with \`create\`, or \`get\` over a websocket) give a shell in every pod the role covers,
with the pods' service account tokens and secrets. Grant them only to break-glass roles. The built-in \`admin\`, \`edit\`
and \`cluster-admin\` ClusterRoles are not reported.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'Role' && m.kind !== 'ClusterRole') continue;
      if ((m.kind === 'ClusterRole' && BUILT_IN_EXEC_ROLES.has(m.name ?? '')) || isSystemObjectName(m.name)) continue;
      for (const r of policyRules(m)) {
        if (!grantsExecAttach(r)) continue;
        ctx.report({
          range: keyRange(ctx.model.index, r.node, 'resources') ?? rangeOf(ctx.model.index, r.node)!,
          message: `${m.kind} "${m.name ?? '?'}" allows exec/attach into pods.`,
          aliases: [m.kind === 'Role' ? 'polaris/rolePodExecAttach' : 'polaris/clusterrolePodExecAttach'],
        });
      }
    }
  },
};
