import type { Rule } from '../../engine/types';
import { PRIVILEGED_TRIGGERS, runScalar, triggers } from '../facts';
import type { ActionsModel } from '../model';

export const githubEnv: Rule<ActionsModel> = {
  id: 'actions/github-env',
  aliases: ['zizmor/github-env'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'Writes to `GITHUB_ENV` / `GITHUB_PATH` in a `pull_request_target` or `workflow_run` workflow.',
  docs: `Lines written to \`$GITHUB_ENV\` become environment variables of every later step; \`$GITHUB_PATH\` entries
come first in \`PATH\`. In a privileged workflow, a value that comes from the pull request (an artifact, a file of
the PR, an event field) can set \`LD_PRELOAD\`, \`NODE_OPTIONS\`… or shadow a command, and run code with the
workflow's secrets. Pass values between steps with step outputs, or validate them strictly first.`,
  check(ctx) {
    const model = ctx.model;
    const on = triggers(model);
    const privileged = PRIVILEGED_TRIGGERS.find((t) => on.has(t));
    if (!privileged) return;
    for (const step of model.steps) {
      const run = runScalar(step);
      if (!run) continue;
      const [start, end] = run.range!;
      const src = model.text.slice(start, end);
      for (const m of src.matchAll(/GITHUB_(ENV|PATH)\b/g)) {
        const line = src.slice(src.lastIndexOf('\n', m.index!) + 1, src.indexOf('\n', m.index!) < 0 ? undefined : src.indexOf('\n', m.index!));
        if (!/>>|Out-File|Add-Content|tee\b/.test(line)) continue;
        const at = start + m.index!;
        ctx.report({ range: model.index.range(at, at + m[0].length), message: `Writing to ${m[0]} in a "${privileged}" workflow lets data from the pull request change later steps' environment.` });
      }
    }
  },
};
