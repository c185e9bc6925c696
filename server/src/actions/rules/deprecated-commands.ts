import type { Scalar } from 'yaml';
import { isScalar } from '../../yaml/yaml';
import type { Fix, Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { get } from '../../yaml/yaml';

const COMMAND = /::(set-output|save-state|set-env|add-path)(?:\s+([^:\n]*))?::/g;
const FILE: Record<string, string> = { 'set-output': 'GITHUB_OUTPUT', 'save-state': 'GITHUB_STATE', 'set-env': 'GITHUB_ENV', 'add-path': 'GITHUB_PATH' };
/** A whole `echo "::cmd name=x::value"` (quotes optional) that can be rewritten safely. */
const ECHO = /echo\s+(["']?)::(set-output|save-state|set-env|add-path)(?:\s+name=([A-Za-z0-9_.-]+))?::([^"'\n]*)\1[ \t]*$/;

function fixFor(model: ActionsModel, lineStart: number, lineText: string): Fix | undefined {
  const m = ECHO.exec(lineText);
  if (!m) return undefined;
  const [, quote, cmd, name, value] = m;
  if (cmd !== 'add-path' && !name) return undefined;
  const q = quote === "'" ? "'" : '"';
  const payload = cmd === 'add-path' ? value : `${name}=${value}`;
  const start = lineStart + m.index;
  return {
    title: `Write to $${FILE[cmd]} instead of ::${cmd}`,
    edits: [{ range: model.index.range(start, start + m[0].trimEnd().length), newText: `echo ${q}${payload}${q} >> "$${FILE[cmd]}"` }],
  };
}

export const deprecatedCommands: Rule<ActionsModel> = {
  id: 'actions/deprecated-commands',
  aliases: ['actionlint/deprecated-commands'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Disabled workflow commands (`::set-output`, `::save-state`, `::set-env`, `::add-path`) in `run:`.',
  fixable: true,
  docs: `GitHub disabled \`::set-env\` and \`::add-path\` (they allowed environment injection) and deprecated
\`::set-output\` and \`::save-state\`: write to the files the runner provides instead. The quick fix rewrites a simple
\`echo "::set-output name=x::v"\` line.

**Bad**
\`\`\`yaml
- run: echo "::set-output name=version::1.2.3"
\`\`\`
**Good**
\`\`\`yaml
- run: echo "version=1.2.3" >> "$GITHUB_OUTPUT"
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const step of model.steps) {
      const run = get(step.node, 'run');
      if (!isScalar(run) || typeof run.value !== 'string' || !run.value.includes('::')) continue;
      const [from, to] = (run as Scalar).range!;
      const source = model.text.slice(from, to);
      COMMAND.lastIndex = 0;
      for (let m = COMMAND.exec(source); m; m = COMMAND.exec(source)) {
        const start = from + m.index;
        const cmd = m[1];
        const pos = model.index.positionAt(start);
        const lineStart = model.index.lineStarts[pos.line];
        const verbatim = run.type === 'BLOCK_LITERAL' || run.type === 'PLAIN' || (run.type === 'QUOTE_SINGLE' && !source.includes("''"));
        const fix = verbatim && run.type === 'BLOCK_LITERAL' ? fixFor(model, lineStart, model.index.lineText(pos.line)) : undefined;
        ctx.report({
          // set-output and save-state still work (with a warning in the run log); set-env and add-path fail the step.
          severity: cmd === 'set-env' || cmd === 'add-path' ? undefined : 'warning',
          range: model.index.range(start, start + m[0].length),
          message: `"::${cmd}" is ${cmd === 'set-env' || cmd === 'add-path' ? 'disabled' : 'deprecated'}: append to "$${FILE[cmd]}" instead (echo "${cmd === 'add-path' ? '{path}' : '{name}={value}'}" >> "$${FILE[cmd]}").`,
          fix,
        });
      }
    }
  },
};
