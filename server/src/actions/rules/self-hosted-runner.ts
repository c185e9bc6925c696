import type { Rule } from '../../engine/types';
import { get, rangeOf } from '../../yaml/yaml';
import { runnerLabels } from '../facts';
import type { ActionsModel } from '../model';

export const selfHostedRunner: Rule<ActionsModel> = {
  id: 'actions/self-hosted-runner',
  aliases: ['zizmor/self-hosted-runner'],
  severity: 'info',
  profile: 'all',
  category: 'security',
  description: 'The job runs on a self-hosted runner (opt-in audit).',
  docs: `Self-hosted runners are not wiped between jobs: a job that runs untrusted code (a pull request from a fork) can
persist on the machine and read what later jobs handle. Use them only for trusted events, ideally ephemeral.`,
  check(ctx) {
    for (const job of ctx.model.jobs) {
      if (!runnerLabels(job).includes('self-hosted')) continue;
      const r = rangeOf(ctx.model.index, get(job.node, 'runs-on'));
      if (r) ctx.report({ range: r, message: `Job "${job.id}" runs on a self-hosted runner, which keeps state between jobs.` });
    }
  },
};
