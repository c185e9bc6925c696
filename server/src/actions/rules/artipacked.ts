import type { Rule } from '../../engine/types';
import { get, rangeOf, scalarString } from '../../yaml/yaml';
import { jobPushes, usesAction, withValue } from '../facts';
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

Set \`persist-credentials: false\` unless the job pushes with git. Reported as a warning when a later step uploads
the workspace (\`path: .\`, \`\${{ github.workspace }}\`) as an artifact, as information elsewhere (without a fix in
jobs that push, which need the credentials). An explicit \`persist-credentials: true\` is taken as a decision.

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
      const pushes = jobPushes(steps);
      // Uploads of the whole workspace (`.`, `..`, `${{ github.workspace }}`) carry .git/config with them.
      const leakyUploads = steps.filter((s) => usesAction(s, 'actions/upload-artifact') && leaksWorkspace(withValue(s, 'path')));
      for (const step of steps) {
        if (!usesAction(step, 'actions/checkout')) continue;
        const persist = scalarString(get(get(step.node, 'with'), 'persist-credentials'));
        if (persist !== undefined) continue; // explicit either way: a decision was made
        const leaked = leakyUploads.some((u) => u.index > step.index);
        const edit = pushes ? undefined : addWithEntries(model, step, { 'persist-credentials': false });
        ctx.report({
          range: rangeOf(model.index, get(step.node, 'uses'))!,
          severity: leaked ? undefined : 'info',
          message: leaked
            ? 'The checkout keeps the token in .git/config and a later step uploads the workspace as an artifact: set `persist-credentials: false`.'
            : pushes
              ? 'The checkout keeps the token in .git/config for every later step (this job pushes with it): make sure no later step can read it.'
              : 'The checkout keeps the token in .git/config for every later step: set `persist-credentials: false` unless the job pushes.',
          fix: edit ? { title: 'Set persist-credentials: false', edits: [edit] } : undefined,
        });
      }
    }
  },
};

function leaksWorkspace(path: string | undefined): boolean {
  if (!path) return false;
  return path.split(/\n/).map((p) => p.trim()).some((p) => ['.', './', '..', '../'].includes(p) || /\$\{\{[^}]*github\.workspace[^}]*\}\}\/?$/.test(p));
}
