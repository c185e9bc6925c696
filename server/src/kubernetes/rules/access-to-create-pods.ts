import type { Rule } from '../../engine/types';
import { keyRange, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { boundRole } from '../project';

export const accessToCreatePods: Rule<KubernetesModel> = {
  id: 'kubernetes/access-to-create-pods',
  aliases: ['kube-linter/access-to-create-pods'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  description: 'A (Cluster)RoleBinding grants a role that can create pods, directly or through a workload.',
  docs: `Whoever can create a pod can choose what it runs and which service account, Secrets and volumes it mounts, which is an
easy path to more privileges (CIS Benchmark 5.1.4). That holds for pods and for every object that creates them:
Deployments, ReplicaSets, StatefulSets, DaemonSets, ReplicationControllers, Jobs and CronJobs. Grant \`create\` on them only
where needed.

Reported on the binding, since a role nobody holds grants nothing. The role is looked up in the workspace; bindings to roles
defined elsewhere (including Kubernetes' built-in ones) are not reported. A rule counts when its API groups include the
resource's group (or \`*\`), its resources the resource (or \`*\`), and its verbs \`create\` (or \`*\`).

**Bad**
\`\`\`yaml
kind: Role
metadata: {name: deployer}
rules:
  - apiGroups: [apps]
    resources: [deployments]
    verbs: [create]
---
kind: RoleBinding
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
\`\`\``,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      const bound = boundRole(ctx, m);
      const resources = bound?.role?.createsPodsVia;
      if (!bound || !resources?.length) continue;
      ctx.report({
        range: rangeOf(ctx.model.index, bound.nameNode) ?? keyRange(ctx.model.index, m.root, 'roleRef')!,
        message: `${m.kind} "${m.name ?? '?'}" grants ${bound.kind} "${bound.name}", which can create ${resources.join(', ')}.`,
      });
    }
  },
};
