import type { Rule } from '../../engine/types';
import { runScalar, shellOf } from '../facts';
import type { ActionsModel } from '../model';
import { findShellcheck } from '../../shellcheck-binary';
import { mapComments, maskExpressions, runShellcheckBatch, scriptLineOffsets } from '../shellcheck';

/** `shell:` → ShellCheck dialect (zsh is closest to bash); other shells (pwsh, cmd, python…) are not checked. */
const SHELLS: Record<string, string> = { '': 'bash', bash: 'bash', sh: 'sh', dash: 'dash', ksh: 'ksh', zsh: 'bash' };

export const shellcheck: Rule<ActionsModel> = {
  id: 'actions/shellcheck',
  aliases: ['actionlint/shellcheck', 'zizmor/shellcheck'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'ShellCheck findings in `run:` scripts (when `shellcheck` is installed and the workspace is trusted).',
  docs: `When a \`shellcheck\` binary is found (\`actions.shellcheckPath\`: an absolute path outside the workspace to a
program named \`shellcheck\` that answers \`--version\` as ShellCheck; else the \`PATH\`), every \`run:\` script that runs in bash or sh is checked with it,
with \`\${{ }}\` expressions replaced by a placeholder variable of the same length; findings point at the exact
place inside the block. Nothing happens when ShellCheck is not installed. Turn it off with
\`actions: { shellcheck: false }\` in \`.shipshape.yaml\`; it never runs in untrusted workspaces.`,
  check(ctx) {
    if (ctx.options.shellcheck === false || ctx.options.workspaceTrusted === false) return;
    const binary = findShellcheck(ctx.options.shellcheckPath, ctx.workspace);
    if (!binary) return;
    const model = ctx.model;
    const jobs: Record<string, Array<{ offsets: number[]; lines: string[]; script: string }>> = {};
    for (const step of model.steps) {
      const run = runScalar(step);
      if (!run) continue;
      const shell = shellOf(step, model);
      const kind = SHELLS[shell];
      const offsets = kind && scriptLineOffsets(model, run);
      if (!kind || !offsets) continue;
      const script = String(run.value);
      (jobs[kind] ??= []).push({ offsets, lines: script.split('\n'), script: maskExpressions(script) });
    }
    for (const kind of Object.keys(jobs)) {
      const results = runShellcheckBatch(binary, jobs[kind].map((j) => j.script), kind, ctx.path);
      jobs[kind].forEach((j, i) => {
        // An unquoted `${{ }}` is pasted as text, not expanded by the shell: "quote the variable" does not apply.
        const comments = results[i].filter((c) => !(c.code === 2086 && j.lines[c.line - 1]?.startsWith('${{', c.column - 1)));
        for (const c of mapComments(model, j.offsets, comments)) ctx.report({ range: c.range, message: c.message, severity: c.severity });
      });
    }
  },
};
