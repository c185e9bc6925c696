import type { Rule } from '../../engine/types';
import { keyRange } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { intAt } from '../pod';
import { projectObjects, selects, workspaceComplete } from '../project';

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
    const objects = projectObjects(ctx);
    const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget');
    for (const pod of ctx.model.podTemplates) {
      const m = pod.owner;
      if (!WORKLOADS.has(m.kind ?? '')) continue;
      const replicas = intAt(m.root, 'spec', 'replicas') ?? 1;
      if (replicas < 2 && !pdbs.length && !workspaceComplete(ctx)) continue;
      const own = objects.find((o) => o.local && o.kind === m.kind && o.name === m.name && o.namespace === m.namespace);
      const labels = own?.podLabels;
      if (pdbs.some((p) => (p.namespace ?? '') === (m.namespace ?? '') && selects(p.selector, labels))) continue;
      ctx.report({
        range: keyRange(ctx.model.index, m.root, 'kind')!,
        message: `${m.kind} "${m.name ?? '?'}" has no PodDisruptionBudget selecting its pods.`,
      });
    }
  },
};
