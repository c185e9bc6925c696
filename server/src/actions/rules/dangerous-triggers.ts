import type { Rule } from '../../engine/types';
import { get, rangeOf, scalarString } from '../../yaml/yaml';
import { PRIVILEGED_TRIGGERS, triggers, usesAction } from '../facts';
import type { ActionsModel } from '../model';

/** Refs that name the pull request's (or triggering run's) code rather than the base branch. */
const PR_CODE = /github\.(event\.pull_request\.head\.(sha|ref)|head_ref|event\.workflow_run\.head_(sha|branch)|event\.pull_request\.merge_commit_sha)|refs\/pull\//;

export const dangerousTriggers: Rule<ActionsModel> = {
  id: 'actions/dangerous-triggers',
  aliases: ['zizmor/dangerous-triggers'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: '`pull_request_target` / `workflow_run` workflows run with secrets and a write token; checking out the PR code there runs it with both.',
  docs: `\`pull_request_target\` and \`workflow_run\` run in the context of the base repository: they get secrets and a
token that can write, even for pull requests from forks. Checking out the pull request's head and then building,
testing or installing it lets the PR author run code with those privileges ("pwn request").

The trigger itself is reported as information; checking out PR code under it is a warning.

Prefer \`pull_request\` (no secrets for forks). If you need the privileged trigger, never build the PR's code in it:
split into an unprivileged \`pull_request\` workflow that uploads results and a \`workflow_run\` one that only reads them.

**Bad**
\`\`\`yaml
on: pull_request_target
jobs:
  test:
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm test
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    const on = triggers(model);
    const privileged = PRIVILEGED_TRIGGERS.filter((t) => on.has(t));
    if (!privileged.length) return;
    for (const t of privileged) {
      const r = rangeOf(model.index, on.get(t));
      if (r) ctx.report({ range: r, severity: 'info', message: `"${t}" runs with repository secrets and a write token, also for pull requests from forks: make sure no code from the pull request runs here.` });
    }
    for (const step of model.steps) {
      if (!usesAction(step, 'actions/checkout')) continue;
      const with_ = get(step.node, 'with');
      for (const key of ['ref', 'repository']) {
        const node = get(with_, key);
        const v = scalarString(node);
        if (!v || !(PR_CODE.test(v) || (key === 'repository' && /pull_request\.head\.repo|workflow_run\.head_repository/.test(v)))) continue;
        const r = rangeOf(model.index, node);
        if (r) ctx.report({ range: r, message: `This checks out the pull request's code in a "${privileged[0]}" workflow, where it can reach secrets and a write token.` });
        break;
      }
    }
  },
};
