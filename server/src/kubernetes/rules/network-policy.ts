import type { Rule } from '../../engine/types';
import { keyRange } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { workspaceComplete } from '../project';
import { objectsNamed, objectsOfKind } from '../project-objects';

export const networkPolicy: Rule<KubernetesModel> = {
  id: 'kubernetes/network-policy',
  aliases: ['polaris/missingNetworkPolicy', 'kube-linter/non-isolated-pod'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  description: "Pods are not covered by a NetworkPolicy that restricts both ingress and egress.",
  docs: `Without a NetworkPolicy every pod can reach every other pod, and a compromised pod can reach everything. Select the
workload's pods with a NetworkPolicy that lists \`Ingress\` and \`Egress\` in \`policyTypes\`, with rules for both.
Under profile \`recommended\` it is checked once the workspace has NetworkPolicies at all (otherwise they may live
elsewhere); with \`strict\`, \`all\` or \`--rules all\` the workspace is taken as complete.`,
  check(ctx) {
    if (!ctx.model.podTemplates.length) return;
    const policies = objectsOfKind(ctx, 'NetworkPolicy');
    if (!policies.length && !workspaceComplete(ctx)) return;
    for (const pod of ctx.model.podTemplates) {
      const m = pod.owner;
      const own = objectsNamed(ctx, m.kind, m.name).find((o) => o.local && o.namespace === m.namespace);
      const labels = own?.podLabels ?? {};
      const selecting = policies.filter((p) => (p.namespace ?? '') === (m.namespace ?? '') && Object.entries(p.selector ?? {}).every(([k, v]) => labels[k] === v));
      if (selecting.some((p) => p.restrictsBoth)) continue;
      ctx.report({
        range: keyRange(ctx.model.index, m.root, 'kind')!,
        message: selecting.length
          ? `${m.kind} "${m.name ?? '?'}" is not covered by a NetworkPolicy restricting both ingress and egress.`
          : `${m.kind} "${m.name ?? '?'}" is not selected by any NetworkPolicy.`,
        aliases: ['polaris/missingNetworkPolicy', ...(selecting.length ? [] : ['kube-linter/non-isolated-pod'])],
      });
    }
  },
};
