import type { Rule } from '../../engine/types';
import { eventsOf } from '../events';
import type { ActionsModel } from '../model';

/** A problem with a filter pattern, and its offset inside the pattern. */
export function globProblem(pattern: string, refName: boolean): { message: string; at: number } | undefined {
  if (pattern !== pattern.trim()) return { message: 'Leading or trailing spaces in a filter pattern never match.', at: 0 };
  let p = pattern;
  let offset = 0;
  if (p.startsWith('!')) {
    if (p.length === 1) return { message: '"!" must be followed by a pattern to exclude.', at: 0 };
    p = p.slice(1);
    offset = 1;
  }
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (refName && !'[?+*\\!'.includes(p[i + 1] ?? '')) return { message: `"\\" escapes only [, ?, +, *, \\ and ! in branch and tag filters.`, at: offset + i };
      i++;
      continue;
    }
    if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close < 0) return { message: 'Unclosed "[": a character class needs a closing "]".', at: offset + i };
      const body = p.slice(i + 1, close);
      const range = /^(.)-(.)$/.exec(body);
      if (range && range[1] > range[2]) return { message: `The character range "${body}" is backwards.`, at: offset + i };
      i = close;
      continue;
    }
    if (refName && /[\s~^:]/.test(c)) return { message: `Character "${c}" cannot appear in branch or tag names (see git check-ref-format).`, at: offset + i };
  }
  if (refName) {
    if (p.startsWith('/') || p.endsWith('/')) return { message: 'Branch and tag names cannot start or end with "/".', at: offset + (p.startsWith('/') ? 0 : p.length - 1) };
    if (p.includes('..')) return { message: 'Branch and tag names cannot contain "..".', at: offset + p.indexOf('..') };
  } else {
    const segments = p.split('/');
    const bad = segments.findIndex((s) => s === '.' || s === '..');
    if (bad >= 0) return { message: 'Path filters are matched against repository-relative paths: "." and ".." segments never match.', at: offset };
  }
  return undefined;
}

export const glob: Rule<ActionsModel> = {
  id: 'actions/glob',
  aliases: ['actionlint/glob'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Invalid branch, tag or path filter pattern (unclosed "[", lone "!", spaces, characters git forbids in ref names).',
  docs: `Filter patterns (\`branches\`, \`tags\`, \`paths\` and their \`-ignore\` forms) are globs, not regular expressions.
A pattern that cannot match — an unclosed \`[\`, a lone \`!\`, a trailing space, \`./\` in a path, a \`~\` or \`:\` in a
branch name — silently never triggers the workflow.

**Bad**
\`\`\`yaml
on:
  push:
    branches: ['release/[0-9']
    paths: ['./src/**']
\`\`\`
**Good**
\`\`\`yaml
on:
  push:
    branches: ['release/[0-9]*']
    paths: ['src/**']
\`\`\``,
  check(ctx) {
    for (const f of eventsOf(ctx.model).filters) {
      const value = String(f.node.value);
      if (value.includes('${{')) continue;
      const refName = !f.filter.startsWith('paths') && f.event !== 'workflow_run' && f.filter !== 'workflows' && f.event !== 'image_version';
      const bad = globProblem(value, refName && !f.filter.startsWith('workflows'));
      if (!bad) continue;
      const start = f.node.range![0] + (f.node.type === 'PLAIN' ? 0 : 1);
      const exact = f.node.type === 'PLAIN' || f.node.type === 'QUOTE_SINGLE' ? start + bad.at : start;
      ctx.report({ range: ctx.model.index.range(exact, Math.max(exact + 1, start + value.length)), message: bad.message });
    }
  },
};
