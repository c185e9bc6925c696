import type { Rule } from '../../engine/types';
import { get } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { podRange } from '../pod';

export const priorityClass: Rule<KubernetesModel> = {
  id: 'kubernetes/priority-class',
  aliases: ['polaris/priorityClassNotSet'],
  severity: 'info',
  profile: 'all',
  category: 'reliability',
  description: 'Pod sets no priorityClassName.',
  docs: `Without a priority class every pod has the same priority, so under resource pressure the scheduler may preempt or
evict an important service before a batch job. Set \`priorityClassName\` to one of your cluster's classes.`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      if (get(pod.spec, 'priorityClassName') !== undefined) continue;
      ctx.report({ range: podRange(ctx.model, pod), message: `${pod.owner.kind} "${pod.owner.name ?? '?'}" sets no priorityClassName.` });
    }
  },
};
