import type { Rule } from '../../engine/types';
import { getIn, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

export const rollingUpdate: Rule<KubernetesModel> = {
  id: 'kubernetes/rolling-update',
  aliases: ['kube-linter/no-rolling-update-strategy'],
  severity: 'info',
  profile: 'all',
  category: 'reliability',
  description: 'Deployment does not use a rolling update strategy.',
  docs: `\`Recreate\` stops every old pod before starting new ones: each rollout is downtime. Use \`RollingUpdate\` (the
default) unless two versions must never run at once.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'Deployment' && m.kind !== 'DeploymentConfig') continue;
      const node = getIn(m.root, ['spec', 'strategy', 'type']);
      const type = scalarString(node);
      if (type === undefined || type === 'RollingUpdate' || type === 'Rolling') continue;
      ctx.report({ range: rangeOf(ctx.model.index, node)!, message: `${m.kind} "${m.name ?? '?'}" uses the ${type} strategy, not a rolling update.` });
    }
  },
};
