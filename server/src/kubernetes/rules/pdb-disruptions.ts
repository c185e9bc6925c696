import type { Rule } from '../../engine/types';
import { getIn, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

export const pdbDisruptions: Rule<KubernetesModel> = {
  id: 'kubernetes/pdb-no-disruptions',
  aliases: ['polaris/pdbDisruptionsIsZero', 'kube-linter/pdb-max-unavailable', 'kube-linter/pdb-min-available'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: 'PodDisruptionBudget allows no disruption at all (maxUnavailable 0 or minAvailable 100%).',
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
      }
    }
  },
};
