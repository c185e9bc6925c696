import type { Fix, Rule } from '../../engine/types';
import { expressionsOf, problemRange, rendersAsPlaceholder } from '../expressions';
import type { ActionsModel } from '../model';
import { show } from '../expr/types';

/** `${{ }}` syntax, contexts and functions available at the key, properties, arity, argument and comparison types. */
export const expression: Rule<ActionsModel> = {
  id: 'actions/expression',
  aliases: ['actionlint/expression'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Invalid `${{ }}` expression: syntax, unknown or unavailable context, property, function or type.',
  docs: `GitHub evaluates \`\${{ }}\` expressions only when the run reaches them: a typo in a property silently becomes an
empty string, a context used where it is not available fails the run. Shipshape parses and type-checks every expression
against the contexts the file defines: \`inputs\` from \`workflow_dispatch\`/\`workflow_call\`, \`needs.<job>.outputs\`
from the needed jobs' \`outputs:\`, \`matrix\` from \`strategy.matrix\` (with \`include\`), \`steps.<id>\` from earlier
steps of the same job, and the documented context availability per key (\`matrix\` is not available in a job's \`if:\`,
\`success()\` only in \`if:\`...).

**Bad**
\`\`\`yaml
runs-on: \${{ matrix.os }}
steps:
  - run: echo "\${{ steps.build.outputs.path }}"   # no earlier step has id "build"
  - if: \${{ github.event_name = 'push' }}          # "=" is not an operator
\`\`\`
**Good**
\`\`\`yaml
strategy:
  matrix:
    os: [ubuntu-latest]
runs-on: \${{ matrix.os }}
steps:
  - id: build
    run: echo "path=dist" >> "$GITHUB_OUTPUT"
  - run: echo "\${{ steps.build.outputs.path }}"
\`\`\``,
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    // An anchored value used through aliases is checked once per use: report each distinct problem once.
    const seen = new Set<string>();
    for (const site of expressionsOf(model).sites) {
      for (const p of site.problems) {
        const [s, e] = problemRange(site, p);
        const key = `${s}:${e}:${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let fix: Fix | undefined;
        if (p.suggestion && site.exprOffset !== undefined) {
          fix = { title: `Change to "${p.suggestion}"`, edits: [{ range: model.index.range(s, e), newText: p.suggestion }], ...(p.suggestionSafe ? {} : { safe: false }) };
        }
        ctx.report({ range: model.index.range(s, e), message: p.message, fix, severity: p.severity });
      }
      // Objects and arrays turn into "Object"/"Array" text when embedded in a string.
      const t = site.type;
      if (t && rendersAsPlaceholder(site.embedded, t, site.node)) {
        ctx.report({
          range: model.index.range(site.range[0], site.range[1]),
          message: `This expression is a ${t.k === 'null' ? 'null' : show(t)} value inside a string: it renders as "${t.k === 'array' ? 'Array' : t.k === 'null' ? '' : 'Object'}", not its content. Use toJSON() or pick a property.`,
        });
      }
    }
  },
};
