import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { buildScripts, outputOrCarried, deferFirstRun, findShellcheck, hasShellcheckComments, mapShellcheckOutput, runShellcheck } from '../shellcheck';

/** Global `# hadolint global ignore=SC...` codes. */
function globalIgnores(model: DockerfileModel): string[] {
  if (!model.text.includes('hadolint')) return [];
  const m = [...model.text.matchAll(/^\s*#\s*hadolint\s+global\s+ignore\s*=\s*([A-Za-z0-9,\s]+)$/gm)];
  return m.flatMap((x) => x[1].split(/[\s,]+/)).filter((c) => /^SC\d+$/i.test(c));
}

export const shellcheck: Rule<DockerfileModel> = {
  id: 'dockerfile/shellcheck',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  fixable: true,
  description: 'ShellCheck findings in RUN commands (needs a trusted workspace and a `shellcheck` binary).',
  docs: `Runs [ShellCheck](https://www.shellcheck.net) on every shell-form \`RUN\` (and \`RUN <<EOF\` heredoc bodies) and
reports its findings at their exact line and column in the Dockerfile, with ShellCheck's code (\`SC2086: …\`) in the
message and its suggested edit as a quick fix. ARG and ENV names are declared as set, so \`$VERSION\` from an ARG is
not "referenced but not assigned". RUNs use \`sh\` (on Alpine, BusyBox ash: POSIX-portability checks SC3xxx are
left out), or \`bash\` after \`SHELL ["/bin/bash", ...]\`; other shells (PowerShell) are skipped.

It runs only when
- the workspace is trusted: the CLI always is; in the editor set \`shipshape.dockerfile.shellcheck: true\`
  (or \`dockerfile.trusted: true\`), and
- a \`shellcheck\` binary is found: \`dockerfile.shellcheckPath\` (an absolute path outside the workspace, to a
  program named \`shellcheck\` that answers \`--version\` as ShellCheck) or the \`PATH\` (Debian/Ubuntu:
  \`apt-get install shellcheck\`). Without one the rule is silently off. It is run with an argument array (no shell),
  the script on standard input and a 10 s timeout, once per Dockerfile and shell dialect; results are cached.
  In the editor it runs in the background: its findings appear a moment after the others, so a slow ShellCheck
  run on a long Dockerfile never holds the other diagnostics back.

Per-code control: \`dockerfile.shellcheckExclude: [SC2086]\`, \`# hadolint ignore=SC2086\` or
\`# shellcheck disable=SC2086\` above the RUN, \`# hadolint global ignore=SC2086\` for the file. The rule id turns
all ShellCheck findings on or off.

**Bad**
\`\`\`dockerfile
RUN cd /app && rm -rf $BUILD_DIR/*
\`\`\`
**Good**
\`\`\`dockerfile
WORKDIR /app
RUN rm -rf "\${BUILD_DIR:?}"/*
\`\`\``,
  check(ctx) {
    const { options } = ctx;
    if (options.shellcheck === false || (options.shellcheck !== true && options.trusted !== true)) return;
    const outputs = () => {
      const binary = findShellcheck(options.shellcheckPath, ctx.workspace);
      if (!binary) return [];
      const excluded = Array.isArray(options.shellcheckExclude) ? options.shellcheckExclude.map(String) : [];
      const ignored = [...excluded, ...globalIgnores(ctx.model)];
      return buildScripts(ctx.model, ctx.path).map((script) => ({ script, output: runShellcheck(binary, script, ignored, ctx.path) }));
    };
    // The language server's first lint of a file: ShellCheck's part comes right after its first publish.
    if (deferFirstRun(ctx.path, () => outputs().some((o) => hasShellcheckComments(o.output)))) return;
    for (const { script, output: own } of outputs()) {
      const output = outputOrCarried(ctx.path, script, own);
      if (!output) continue;
      for (const c of mapShellcheckOutput(output, script.segments)) {
        ctx.report({ range: c.range, message: `${c.code}: ${c.message}`, severity: c.severity, fix: c.fix });
      }
    }
  },
};
