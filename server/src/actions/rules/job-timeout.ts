import type { Rule } from '../../engine/types';
import { get, insertIntoMap, rangeOf } from '../../yaml/yaml';
import type { ActionsModel } from '../model';

export const jobTimeout: Rule<ActionsModel> = {
  id: 'actions/job-timeout',
  aliases: ['zizmor/timeout-minutes'],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: 'A job has no `timeout-minutes`, so a hung step runs for 6 hours.',
  docs: `The default job timeout is 360 minutes: a hung test or a waiting prompt burns runner minutes (and blocks
concurrency groups) for hours. Set \`timeout-minutes\` to a few times the job's usual duration. The quick fix uses
the option \`actions.defaultTimeoutMinutes\` (30 by default).`,
  check(ctx) {
    const model = ctx.model;
    const configured = Number(ctx.options.defaultTimeoutMinutes);
    const minutes = Number.isFinite(configured) && configured > 0 ? configured : 30;
    for (const job of model.jobs) {
      if (get(job.node, 'uses') !== undefined || get(job.node, 'timeout-minutes') !== undefined || job.node.flow) continue;
      const timedSteps = job.steps.filter((s) => get(s.node, 'timeout-minutes') !== undefined).length;
      if (timedSteps && timedSteps === job.steps.length) continue; // every step is bounded
      // zizmor reports the job only when no step has a timeout (otherwise it reports the steps).
      ctx.report({
        range: rangeOf(model.index, job.key)!,
        message: `Job "${job.id}" has no timeout-minutes (the default is 6 hours).`,
        aliases: timedSteps ? [] : ['zizmor/timeout-minutes'],
        fix: { title: `Add timeout-minutes: ${minutes}`, edits: [insertIntoMap(model.index, job.node, { 'timeout-minutes': minutes })] },
      });
    }
  },
};
