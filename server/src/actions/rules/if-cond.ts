import { isScalar } from '../../yaml/yaml';
import type { Rule } from '../../engine/types';
import { get } from '../../yaml/yaml';
import { expressionsOf, isConditionPath } from '../expressions';
import type { ActionsModel } from '../model';
import { walk } from '../expr/parser';
import { placeholders } from '../expr/templates';

/** Functions whose result depends only on their arguments. */
const PURE = new Set(['contains', 'startswith', 'endswith', 'format', 'join', 'tojson', 'fromjson', 'case']);

/** `if:` conditions that are always true (text around `${{ }}`) or constant. */
export const ifCond: Rule<ActionsModel> = {
  id: 'actions/if-cond',
  aliases: ['actionlint/if-cond'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: '`if:` condition that is always true (text outside `${{ }}`) or that does not depend on anything.',
  docs: `An \`if:\` whose value has anything besides a single \`\${{ }}\` — another placeholder, \`&& \`, even a trailing
newline from \`if: |\` — is a string, and any non-empty string is true: the step always runs. Write the whole condition
inside one \`\${{ }}\`, or leave \`\${{ }}\` out entirely. A condition made only of literals (\`if: false\`) is constant:
remove the step or the condition.

**Bad**
\`\`\`yaml
if: \${{ github.event_name == 'push' }} && \${{ github.ref_name == 'main' }}
\`\`\`
**Good**
\`\`\`yaml
if: github.event_name == 'push' && github.ref_name == 'main'
\`\`\``,
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    const reported = new Set<unknown>();
    // `if: true` / `if: 0`: YAML turns these into booleans and numbers, which are constant too.
    const ifs = [...model.jobs.map((j) => get(j.node, 'if')), ...model.steps.map((s) => get(s.node, 'if'))];
    for (const node of ifs) {
      if (isScalar(node) && node.value !== null && typeof node.value !== 'string') {
        ctx.report({ range: model.index.range(node.range![0], node.range![1]), message: `The condition "${String(node.value)}" is constant. Remove the condition (or the step).`, severity: 'warning' });
      }
    }
    for (const site of expressionsOf(model).sites) {
      if (!isConditionPath(site.path, model.kind)) continue;
      const value = String(site.scalar.value);
      if (site.embedded && !reported.has(site.scalar)) {
        reported.add(site.scalar);
        const [s, e] = site.scalar.range!;
        const list = placeholders(value);
        const between = value.slice(list[0]?.end ?? 0, list[1]?.start ?? value.length).trim();
        const outside = value.slice(0, list[0]?.start ?? 0).trim() + value.slice(list[list.length - 1]?.end ?? 0).trim();
        let fix;
        // `${{ a }} && ${{ b }}` → `${{ a && b }}`; a lone `${{ a }}` with whitespace around → `${{ a }}`.
        if (list.length === 2 && /^(&&|\|\|)$/.test(between) && !outside && list.every((p) => p.closed)) {
          fix = { title: 'Join into one expression', edits: [{ range: model.index.range(s, e), newText: `\${{ ${list[0].expr.trim()} ${between} ${list[1].expr.trim()} }}` }] };
        } else if (list.length === 1 && !outside && list[0].closed && site.scalar.type === 'PLAIN') {
          fix = { title: 'Remove the text around ${{ }}', edits: [{ range: model.index.range(s, e), newText: value.slice(list[0].start, list[0].end) }] };
        }
        ctx.report({
          range: model.index.range(s, e),
          message: 'This condition is always true: text outside "${{ }}" makes it a non-empty string. Put the whole condition inside one "${{ }}" (or drop "${{ }}").',
          fix,
        });
        continue;
      }
      if (!site.node) continue;
      let dynamic = false;
      walk(site.node, (n) => {
        if (n.kind === 'var' || (n.kind === 'call' && !PURE.has(n.name.toLowerCase()))) dynamic = true;
      });
      if (!dynamic) {
        // GitHub runs it; it is dead or redundant code rather than a broken workflow, so a warning.
        ctx.report({ range: model.index.range(site.range[0], site.range[1]), message: `The condition "${site.expr.trim()}" is constant: it does not depend on any context. Remove the condition (or the step).`, severity: 'warning' });
      }
    }
  },
};
