import type { Rule } from '../../engine/types';
import { get, rangeOf, scalarString } from '../../yaml/yaml';
import { jobPushes, usesAction } from '../facts';
import { addWithEntries } from '../fixes';
import type { ActionsModel } from '../model';

export const artipacked: Rule<ActionsModel> = {
  id: 'actions/artipacked',
  aliases: ['zizmor/artipacked'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: '`actions/checkout` leaves the token in `.git/config`, where a later upload or step can leak it.',
  docs: `By default \`actions/checkout\` writes the token into \`.git/config\` so later \`git\` commands can push.
Any step can then read it, and uploading the checkout as an artifact (\`path: .\`) publishes it.

Set \`persist-credentials: false\` unless the job pushes with git. Reported as a warning in jobs that upload
artifacts, as information elsewhere; jobs that push are left alone.

**Good**
\`\`\`yaml
- uses: actions/checkout@v4
  with:
    persist-credentials: false
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    const jobs = model.jobs.length ? model.jobs.map((j) => j.steps) : [model.steps];
    for (const steps of jobs) {
      if (jobPushes(steps)) continue;
      const uploads = steps.some((s) => usesAction(s, 'actions/upload-artifact', 'actions/upload-pages-artifact'));
      for (const step of steps) {
        if (!usesAction(step, 'actions/checkout')) continue;
        const persist = scalarString(get(get(step.node, 'with'), 'persist-credentials'));
        if (persist !== undefined) continue; // explicit either way: a decision was made
        const edit = addWithEntries(model, step, { 'persist-credentials': false });
        ctx.report({
          range: rangeOf(model.index, get(step.node, 'uses'))!,
          severity: uploads ? undefined : 'info',
          message: uploads
            ? 'The checkout keeps the token in .git/config and this job uploads artifacts: set `persist-credentials: false`.'
            : 'The checkout keeps the token in .git/config for every later step: set `persist-credentials: false` unless the job pushes.',
          fix: edit ? { title: 'Add persist-credentials: false', edits: [edit] } : undefined,
        });
      }
    }
  },
};
