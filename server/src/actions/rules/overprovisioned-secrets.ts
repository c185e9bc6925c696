import type { Rule } from '../../engine/types';
import { eachExpressionMatch } from '../facts';
import type { ActionsModel } from '../model';

const WHOLE = /\b(toJSON)\s*\(\s*secrets\s*\)|\bsecrets\s*\[\s*(?!')/gi;

export const overprovisionedSecrets: Rule<ActionsModel> = {
  id: 'actions/overprovisioned-secrets',
  aliases: ['zizmor/overprovisioned-secrets'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: '`toJSON(secrets)` or a computed `secrets[...]` index exposes every secret to the step.',
  docs: `GitHub only sends a runner the secrets a job references. \`toJSON(secrets)\` or \`secrets[matrix.x]\` reference
all of them, so every secret reaches the runner and the step. Name the secrets you need one by one.

**Bad**
\`\`\`yaml
env:
  ALL: \${{ toJSON(secrets) }}
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    eachExpressionMatch(model, WHOLE, (m, start) => {
      const len = m[1] ? m[0].length : m[0].replace(/\s*\[\s*$/, '').length;
      ctx.report({ range: model.index.range(start, start + len), message: 'This expression sends every secret of the repository to the runner: reference the secrets you need by name.' });
    });
  },
};
