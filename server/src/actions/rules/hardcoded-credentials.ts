import type { Rule } from '../../engine/types';
import { get, isMap, isScalar, rangeOf } from '../../yaml/yaml';
import { envMaps, jobContainers } from '../facts';
import type { ActionsModel } from '../model';

/** Token formats with a recognisable prefix (so a match is almost never a false alarm). */
const TOKENS: Array<[RegExp, string]> = [
  [/\bghp_[A-Za-z0-9]{36}\b/, 'GitHub personal access token'],
  [/\bgithub_pat_[A-Za-z0-9_]{40,}\b/, 'GitHub fine-grained token'],
  [/\bgh[osru]_[A-Za-z0-9]{36}\b/, 'GitHub token'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'AWS access key id'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}\b/, 'Slack token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/, 'GitLab token'],
  [/\bsk_live_[A-Za-z0-9]{24,}\b/, 'Stripe live key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'npm token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'private key'],
];

export const hardcodedCredentials: Rule<ActionsModel> = {
  id: 'actions/hardcoded-credentials',
  aliases: ['zizmor/hardcoded-credentials', 'zizmor/hardcoded-container-credentials'],
  severity: 'error',
  profile: 'recommended',
  category: 'security',
  description: 'A registry password or a token is written into the workflow instead of coming from `secrets`.',
  docs: `Anything in the workflow file is readable by everyone who can read the repository, and stays in its history.
Container and service \`credentials.password\` must come from \`\${{ secrets.X }}\`; so must tokens in \`env:\` and \`with:\`
(recognised by their prefixes: \`ghp_\`, \`github_pat_\`, \`AKIA\`, \`xoxb-\`, \`glpat-\`, \`npm_\`, private-key blocks…).

**Bad**
\`\`\`yaml
container:
  image: ghcr.io/org/private:1
  credentials:
    username: bot
    password: hunter2
\`\`\`
**Good**
\`\`\`yaml
    password: \${{ secrets.REGISTRY_PASSWORD }}
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    for (const job of model.jobs) {
      for (const c of jobContainers(job)) {
        const pw = get(get(c, 'credentials'), 'password');
        if (isScalar(pw) && pw.value !== null && pw.value !== '' && !String(pw.value).includes('${{')) {
          ctx.report({ range: rangeOf(model.index, pw)!, message: 'The registry password is written in the workflow: use `${{ secrets.… }}`.', aliases: ['zizmor/hardcoded-credentials', 'zizmor/hardcoded-container-credentials'] });
        }
      }
    }
    const withMaps = model.steps.map((s) => get(s.node, 'with')).filter(isMap);
    for (const env of [...envMaps(model), ...withMaps]) {
      for (const pair of env.items) {
        if (!isScalar(pair.value) || typeof pair.value.value !== 'string') continue;
        const text = String(pair.value.value);
        const hit = TOKENS.find(([re]) => re.test(text));
        if (hit) ctx.report({ range: rangeOf(model.index, pair.value)!, message: `This looks like a ${hit[1]} written in the workflow: revoke it and use \`\${{ secrets.… }}\`.`, aliases: [] });
      }
    }
  },
};
