import type { PropertyInstruction } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

/** `value` as a double-quoted word when it needs quoting (spaces, quotes, an empty value). */
function quote(value: string): string {
  if (value !== '' && !/[\s"'\\]/.test(value)) return value;
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

export const legacyKeyValueFormat: Rule<DockerfileModel> = {
  id: 'dockerfile/legacy-key-value-format',
  aliases: ['LegacyKeyValueFormat'],
  severity: 'warning',
  profile: 'recommended',
  category: 'style',
  fixable: true,
  description: '`ENV key value` / `LABEL key value` use the legacy space-separated form; write `key=value`.',
  docs: `The legacy form sets exactly one variable and swallows everything after the first space into the value, which
is easy to misread: \`ENV PATH /app:$PATH FOO=1\` sets one variable. Use \`key=value\` (quote values with spaces).
The quick fix rewrites the pair, quoting the value when needed.

**Bad**
\`\`\`dockerfile
ENV NODE_ENV production
\`\`\`
**Good**
\`\`\`dockerfile
ENV NODE_ENV=production
\`\`\``,
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      const keyword = ins.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'LABEL') continue;
      for (const p of (ins as PropertyInstruction).getProperties()) {
        if (p.getAssignmentOperator() !== null || p.getValue() === null) continue;
        const range = p.getRange();
        const raw = ctx.model.text.slice(ctx.model.index.offsetAt(range.start), ctx.model.index.offsetAt(range.end));
        const multiline = /\r?\n/.test(raw);
        const rawName = ctx.model.text.slice(ctx.model.index.offsetAt(p.getNameRange().start), ctx.model.index.offsetAt(p.getNameRange().end));
        const rawValue = p.getValueRange() ? ctx.model.text.slice(ctx.model.index.offsetAt(p.getValueRange()!.start), ctx.model.index.offsetAt(p.getValueRange()!.end)) : '';
        // A single plain word keeps its exact text (variables, escapes); anything else is re-quoted from its value.
        const value = /^[^\s"'\\]+$/.test(rawValue) ? rawValue : quote(p.getValue()!);
        ctx.report({
          range,
          message: `Use "${keyword} ${p.getName()}=…" instead of the legacy "${keyword} key value" form.`,
          fix: multiline ? undefined : { title: `Rewrite as ${keyword} key=value`, edits: [{ range, newText: `${rawName}=${value}` }] },
        });
      }
    }
  },
};
