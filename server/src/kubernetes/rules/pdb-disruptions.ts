import type { Rule } from '../../engine/types';
import { getIn, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { sameNamespace, selectorOf } from '../project';
import { objectsOfKind, selects } from '../project-objects';

export const pdbDisruptions: Rule<KubernetesModel> = {
  id: 'kubernetes/pdb-no-disruptions',
  aliases: ['polaris/pdbDisruptionsIsZero', 'kube-linter/pdb-max-unavailable', 'kube-linter/pdb-min-available'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: 'PodDisruptionBudget allows no disruption at all (maxUnavailable 0, minAvailable 100% or at least the replicas).',
  docs: `A PDB with \`maxUnavailable: 0\` or \`minAvailable: 100%\` never lets a pod be evicted: node drains and cluster upgrades
hang until someone deletes the PDB. Allow at least one pod to go (e.g. \`maxUnavailable: 1\`).`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'PodDisruptionBudget') continue;
      const max = getIn(m.root, ['spec', 'maxUnavailable']);
      const min = getIn(m.root, ['spec', 'minAvailable']);
      const maxValue = scalarString(max);
      const minValue = scalarString(min);
      if (maxValue === '0' || maxValue === '0%') {
        ctx.report({ range: rangeOf(ctx.model.index, max)!, message: `PodDisruptionBudget "${m.name ?? '?'}" sets maxUnavailable ${maxValue}: no pod can ever be evicted.`, aliases: ['polaris/pdbDisruptionsIsZero', 'kube-linter/pdb-max-unavailable'] });
      }
      if (minValue === '100%') {
        ctx.report({ range: rangeOf(ctx.model.index, min)!, message: `PodDisruptionBudget "${m.name ?? '?'}" sets minAvailable 100%: no pod can ever be evicted.`, aliases: ['polaris/pdbDisruptionsIsZero', 'kube-linter/pdb-min-available'] });
      } else if (minValue !== undefined && /^\d+$/.test(minValue)) {
        // minAvailable at or above the replicas the matched Deployment runs (its autoscaler's minimum when it has one).
        const selector = selectorOf(m);
        for (const d of objectsOfKind(ctx, 'Deployment')) {
          if (!sameNamespace(d.namespace, m.namespace)) continue;
          if (!selects(selector, { ...d.selector, ...d.podLabels })) continue;
          const hpa = objectsOfKind(ctx, 'HorizontalPodAutoscaler').find((o) => o.scaleTarget?.kind === 'Deployment' && o.scaleTarget.name === d.name && sameNamespace(o.namespace, d.namespace));
          const replicas = hpa?.minReplicas ?? d.replicas ?? 1;
          if (Number(minValue) < replicas) continue;
          ctx.report({
            range: rangeOf(ctx.model.index, min)!,
            message: `PodDisruptionBudget "${m.name ?? '?'}" requires ${minValue} available pods, but Deployment "${d.name ?? '?'}" may run only ${replicas}: no pod can be evicted.`,
            aliases: ['kube-linter/pdb-min-available'],
          });
        }
      }
    }
  },
};
