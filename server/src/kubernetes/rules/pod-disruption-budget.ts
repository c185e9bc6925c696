import type { Rule } from '../../engine/types';
import { keyRange } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { intAt } from '../pod';
import { workspaceComplete } from '../project';
import { objectsNamed, objectsOfKind, selects } from '../project-objects';

const WORKLOADS = new Set(['Deployment', 'StatefulSet']);

export const podDisruptionBudget: Rule<KubernetesModel> = {
  id: 'kubernetes/pod-disruption-budget',
  aliases: ['polaris/missingPodDisruptionBudget'],
  severity: 'info',
  profile: 'recommended',
  category: 'reliability',
  description: 'Replicated workload has no PodDisruptionBudget selecting its pods.',
  docs: `Without a PodDisruptionBudget a node drain or cluster upgrade may evict all replicas at once. Add a PDB whose
selector matches the pod template labels (e.g. \`maxUnavailable: 1\`). Reported for Deployments and StatefulSets with 2 or
more replicas, and for every one of them once the workspace uses PodDisruptionBudgets at all, or with profile \`strict\`,
\`all\` or \`--rules all\` (the workspace taken as complete).`,
  check(ctx) {
    if (!ctx.model.podTemplates.some((pod) => WORKLOADS.has(pod.owner.kind ?? ''))) return;
    const pdbs = objectsOfKind(ctx, 'PodDisruptionBudget');
    for (const pod of ctx.model.podTemplates) {
      const m = pod.owner;
      if (!WORKLOADS.has(m.kind ?? '')) continue;
      const replicas = intAt(m.root, 'spec', 'replicas') ?? 1;
      if (replicas < 2 && !pdbs.length && !workspaceComplete(ctx)) continue;
      const own = objectsNamed(ctx, m.kind, m.name).find((o) => o.local && o.namespace === m.namespace);
      const labels = own?.podLabels;
      if (pdbs.some((p) => (p.namespace ?? '') === (m.namespace ?? '') && selects(p.selector, labels))) continue;
      ctx.report({
        range: keyRange(ctx.model.index, m.root, 'kind')!,
        message: `${m.kind} "${m.name ?? '?'}" has no PodDisruptionBudget selecting its pods.`,
      });
    }
  },
};
