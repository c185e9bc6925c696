import type { Rule } from '../../engine/types';
import { eachExpressionMatch } from '../facts';
import type { ActionsModel } from '../model';

const SPOOFABLE = /\bgithub\.(actor|triggering_actor)\s*==\s*'[^']*\[bot\]'|'[^']*\[bot\]'\s*==\s*github\.(actor|triggering_actor)\b/gi;

export const botConditions: Rule<ActionsModel> = {
  id: 'actions/bot-conditions',
  aliases: ['zizmor/bot-conditions'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: '`github.actor == \'…[bot]\'` can be satisfied by someone else than the bot.',
  docs: `\`github.actor\` is whoever caused the latest event of the run — for example the bot that pushed a commit to a
pull request someone else opened, and then re-ran by that someone. Checking it to skip reviews or grant privileges
can be spoofed. Check the pull request's author instead (\`github.event.pull_request.user.login\`), which only the
bot can be.

**Bad**
\`\`\`yaml
if: github.actor == 'dependabot[bot]'
\`\`\`
**Good**
\`\`\`yaml
if: github.event.pull_request.user.login == 'dependabot[bot]'
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    eachExpressionMatch(model, SPOOFABLE, (m, matchStart) => {
      const name = `github.${m[1] ?? m[2]}`;
      const at = matchStart + m[0].indexOf(name);
      ctx.report({
        range: model.index.range(at, at + name.length),
        message: `${name} is not always the bot that opened the pull request: compare github.event.pull_request.user.login instead.`,
        fix: { title: 'Compare the pull request author', edits: [{ range: model.index.range(at, at + name.length), newText: 'github.event.pull_request.user.login' }], safe: false },
      });
    }, 'if');
  },
};
