import type { Rule } from '../../engine/types';
import { get, isScalar, rangeOf } from '../../yaml/yaml';
import type { ActionsModel } from '../model';

export const secretsInherit: Rule<ActionsModel> = {
  id: 'actions/secrets-inherit',
  aliases: ['zizmor/secrets-inherit'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: '`secrets: inherit` hands every secret of the caller to the reusable workflow.',
  docs: `With \`secrets: inherit\` the called workflow receives all of the caller's secrets, whatever it needs — and so
does any action it runs. Pass only the secrets it declares.

**Good**
\`\`\`yaml
jobs:
  deploy:
    uses: org/workflows/.github/workflows/deploy.yml@v1
    secrets:
      DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}
\`\`\``,
  check(ctx) {
    for (const job of ctx.model.jobs) {
      const s = get(job.node, 'secrets');
      if (isScalar(s) && s.value === 'inherit') {
        ctx.report({ range: rangeOf(ctx.model.index, s)!, message: `Job "${job.id}" passes all secrets to the reusable workflow: pass only the ones it needs.` });
      }
    }
  },
};
