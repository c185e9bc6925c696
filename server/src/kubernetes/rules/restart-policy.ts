import type { Rule } from '../../engine/types';
import { get, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

export const restartPolicy: Rule<KubernetesModel> = {
  id: 'kubernetes/restart-policy',
  aliases: ['kube-linter/restart-policy'],
  severity: 'info',
  profile: 'all',
  category: 'reliability',
  description: 'Pod uses `restartPolicy: Never`, so a crashed container is not restarted.',
  docs: `With \`Never\` a container that crashes stays dead (and a Job's pod is replaced instead of retried in place). Use
\`Always\` for services and \`OnFailure\` for batch work.`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      const node = get(pod.spec, 'restartPolicy');
      if (scalarString(node) !== 'Never') continue;
      ctx.report({ range: rangeOf(ctx.model.index, node)!, message: `${pod.owner.kind} "${pod.owner.name ?? '?'}" never restarts its containers.` });
    }
  },
};
