import type { Rule } from '../../engine/types';
import { get, rangeOf, scalarString } from '../../yaml/yaml';
import { runText } from '../facts';
import type { ActionsModel } from '../model';

const DEPLOY = /\b(kubectl\s+(apply|set\s+image)|helm\s+(upgrade|install)|terraform\s+apply|aws\s+ecs\s+update-service|gcloud\s+run\s+deploy|az\s+webapp\s+deploy|fly\s+deploy|serverless\s+deploy)\b/;
const ROLLBACK = /\bkubectl\s+rollout\s+(undo|status)\b|\bhelm\s+rollback\b|--atomic\b|--rollback-on-failure\b|\brollback\b/i;

export const deployRollback: Rule<ActionsModel> = {
  id: 'actions/deploy-rollback',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  category: 'reliability',
  description: 'A deployment job has no visible way back: no rollback step, health wait or atomic upgrade.',
  docs: `When a deployment breaks production, the fastest fix is the previous version. Make the way back part of the job:
\`helm upgrade --atomic\`, \`kubectl rollout status\` followed by \`kubectl rollout undo\` in an \`if: failure()\` step, or
your platform's rollback command.`,
  check(ctx) {
    for (const job of ctx.model.jobs) {
      const deploy = job.steps.find((s) => DEPLOY.test(runText(s) ?? ''));
      if (!deploy) continue;
      const hasWayBack = job.steps.some((s) => ROLLBACK.test(runText(s) ?? '') || /failure\(\)/.test(scalarString(get(s.node, 'if')) ?? ''));
      if (hasWayBack) continue;
      const r = rangeOf(ctx.model.index, job.key);
      if (r) ctx.report({ range: r, message: `Job "${job.id}" deploys without a rollback path (atomic upgrade, rollout status + undo on failure).` });
    }
  },
};
