import type { Rule } from '../../engine/types';
import { getIn, keyRange, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { sameNamespace, selectorOf, workloadObjects, workloadsSelectedBy, workspaceComplete } from '../project';

export const serviceSelector: Rule<KubernetesModel> = {
  id: 'kubernetes/service-selector',
  aliases: ['kube-linter/dangling-service', 'kube-score/service-targets-pod'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: "Service selector matches no workload's pod labels, so the Service has no endpoints.",
  docs: `A Service sends traffic to pods whose labels include all of its \`selector\`. When no pod template in the workspace has
them (a typo, a renamed label), the Service silently has no endpoints. Under profile \`recommended\` it is checked once the
workspace has workloads at all; with \`strict\`, \`all\` or \`--rules all\` the workspace is taken as complete. Services without a selector (external endpoints) are not checked.`,
  check(ctx) {
    if (!ctx.model.manifests.some((m) => m.kind === 'Service')) return;
    const workloads = workloadObjects(ctx);
    if (!workloads.length && !workspaceComplete(ctx)) return;
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'Service') continue;
      const selector = selectorOf(m);
      if (!selector || !Object.keys(selector).length) continue;
      if (workloadsSelectedBy(ctx, selector).some((w) => sameNamespace(w.namespace, m.namespace))) continue;
      const node = getIn(m.root, ['spec', 'selector']);
      ctx.report({
        range: keyRange(ctx.model.index, getIn(m.root, ['spec']), 'selector') ?? rangeOf(ctx.model.index, node)!,
        message: `Service "${m.name ?? '?'}" selects ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ')}, which no workload's pods carry.`,
      });
    }
  },
};
