import type { Rule } from '../../engine/types';
import { eachExpressionMatch } from '../facts';
import type { ActionsModel } from '../model';

const DERIVED = /\bfromJSON\s*\(\s*secrets\s*\.\s*[\w-]+\s*\)\s*(?:\.\s*[\w-]+|\[[^\]]*\])/gi;

export const unredactedSecrets: Rule<ActionsModel> = {
  id: 'actions/unredacted-secrets',
  aliases: ['zizmor/unredacted-secrets'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'A field taken out of a JSON secret (`fromJSON(secrets.X).y`) is not masked in logs.',
  docs: `GitHub masks the exact value of each secret in logs. A value derived from it — a field of a JSON secret — is a
different string, so it is printed in clear wherever it appears. Store each sensitive field as its own secret.

**Bad**
\`\`\`yaml
password: \${{ fromJSON(secrets.DB).password }}
\`\`\``,
  check(ctx) {
    eachExpressionMatch(ctx.model, DERIVED, (m, at) => {
      ctx.report({ range: ctx.model.index.range(at, at + m[0].length), message: 'This value is derived from a secret, so GitHub does not mask it in logs: store it as a secret of its own.' });
    });
  },
};
