import type { Rule } from '../../engine/types';
import { get, getIn, isMap, keyRange, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

export const jobTtl: Rule<KubernetesModel> = {
  id: 'kubernetes/job-ttl',
  aliases: ['kube-linter/job-ttl-seconds-after-finished'],
  severity: 'info',
  profile: 'all',
  category: 'efficiency',
  description: 'Standalone Job keeps its finished pods forever (no ttlSecondsAfterFinished), or a CronJob sets one that fights its history limits.',
  docs: `Finished Jobs and their pods stay until deleted. Set \`ttlSecondsAfterFinished\` on standalone Jobs. In a CronJob, let
\`successfulJobsHistoryLimit\` / \`failedJobsHistoryLimit\` do the cleanup instead of a TTL.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind === 'Job') {
        const spec = get(m.root, 'spec');
        if (!isMap(spec) || get(spec, 'ttlSecondsAfterFinished') !== undefined) continue;
        ctx.report({ range: keyRange(ctx.model.index, m.root, 'spec')!, message: `Job "${m.name ?? '?'}" does not set ttlSecondsAfterFinished.` });
      } else if (m.kind === 'CronJob') {
        const node = getIn(m.root, ['spec', 'jobTemplate', 'spec', 'ttlSecondsAfterFinished']);
        if (node === undefined) continue;
        ctx.report({ range: rangeOf(ctx.model.index, node)!, message: `CronJob "${m.name ?? '?'}" sets ttlSecondsAfterFinished, which may conflict with its history limits.` });
      }
    }
  },
};
