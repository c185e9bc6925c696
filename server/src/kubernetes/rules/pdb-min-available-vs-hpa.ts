import type { Rule } from '../../engine/types';
import { keyRange } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { intAt } from '../pod';
import { objectsOfKind, selects } from '../project';

export const pdbMinAvailableVsHpa: Rule<KubernetesModel> = {
  id: 'kubernetes/pdb-min-available-above-hpa',
  aliases: ['polaris/pdbMinAvailableGreaterThanHPAMinReplicas'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: "A PodDisruptionBudget's minAvailable exceeds the HorizontalPodAutoscaler's minReplicas for the same Deployment.",
  docs: `When the autoscaler scales the Deployment down to \`minReplicas\`, a PDB requiring more available pods than that blocks
every eviction, so drains and upgrades hang. Keep \`minAvailable\` at or below \`minReplicas\` (or use \`maxUnavailable\`).`,
  check(ctx) {
    if (!ctx.model.podTemplates.some((pod) => pod.owner.kind === 'Deployment')) return;
    const hpas = objectsOfKind(ctx, 'HorizontalPodAutoscaler');
    const pdbs = objectsOfKind(ctx, 'PodDisruptionBudget');
    if (!hpas.length || !pdbs.length) return;
    for (const pod of ctx.model.podTemplates) {
      const m = pod.owner;
      if (m.kind !== 'Deployment') continue;
      const own = objectsOfKind(ctx, 'Deployment').find((o) => o.local && o.name === m.name && o.namespace === m.namespace);
      const hpa = hpas.find((o) => o.scaleTarget?.kind === 'Deployment' && o.scaleTarget.name === m.name && (o.namespace ?? '') === (m.namespace ?? ''));
      const pdb = pdbs.find((o) => (o.namespace ?? '') === (m.namespace ?? '') && selects(o.selector, own?.podLabels));
      if (!hpa || hpa.minReplicas === undefined || !pdb || pdb.minAvailable === undefined) continue;
      let minAvailable: number | undefined;
      if (typeof pdb.minAvailable === 'number') minAvailable = pdb.minAvailable;
      else if (/^\d+%$/.test(pdb.minAvailable)) {
        const replicas = intAt(m.root, 'spec', 'replicas');
        if (replicas !== undefined) minAvailable = Math.ceil((parseInt(pdb.minAvailable, 10) / 100) * replicas);
      }
      if (minAvailable === undefined || minAvailable <= hpa.minReplicas) continue;
      ctx.report({
        range: keyRange(ctx.model.index, m.root, 'kind')!,
        message: `Deployment "${m.name ?? '?'}": PodDisruptionBudget minAvailable (${minAvailable}) is above the autoscaler's minReplicas (${hpa.minReplicas}).`,
      });
    }
  },
};
