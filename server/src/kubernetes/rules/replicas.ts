import type { Rule } from '../../engine/types';
import { get, getIn, insertIntoMap, isMap, keyRange, rangeOf, replaceScalar } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { intAt } from '../pod';

export const replicas: Rule<KubernetesModel> = {
  id: 'kubernetes/replicas',
  aliases: ['polaris/deploymentMissingReplicas', 'kube-linter/minimum-three-replicas'],
  severity: 'info',
  profile: 'strict',
  category: 'reliability',
  fixable: true,
  description: 'Deployment runs a single replica (no redundancy).',
  docs: `One replica means every node drain, crash or rollout is downtime. Run at least 2 (3 across zones for services that
matter), or let a HorizontalPodAutoscaler manage it.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'Deployment' && m.kind !== 'DeploymentConfig') continue;
      const spec = get(m.root, 'spec');
      if (!isMap(spec)) continue;
      const node = getIn(m.root, ['spec', 'replicas']);
      const value = intAt(m.root, 'spec', 'replicas');
      if (value === undefined && node !== undefined) continue;
      const count = value ?? 1;
      if (count >= 3) continue;
      const aliases = count < 2 && m.kind === 'Deployment' ? ['polaris/deploymentMissingReplicas', 'kube-linter/minimum-three-replicas'] : ['kube-linter/minimum-three-replicas'];
      ctx.report({
        range: (node && rangeOf(ctx.model.index, node)) || keyRange(ctx.model.index, m.root, 'spec')!,
        message: `${m.kind} "${m.name ?? '?'}" runs ${count} replica${count === 1 ? '' : 's'}${value === undefined ? ' (replicas is not set)' : ''}.`,
        aliases,
        fix: { title: 'Set replicas: 3', edits: [node ? replaceScalar(ctx.model.index, node, 3) : insertIntoMap(ctx.model.index, spec, { replicas: 3 })], safe: false },
      });
    }
  },
};
