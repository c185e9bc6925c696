import type { Instruction } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

const isBlank = (line: string) => line.trim() === '';

function hasHeredoc(ins: Instruction): boolean {
  const h = (ins as unknown as { getHeredocs?: () => unknown[] }).getHeredocs;
  return typeof h === 'function' && h.call(ins).length > 0;
}

export const noEmptyContinuation: Rule<DockerfileModel> = {
  id: 'dockerfile/no-empty-continuation',
  aliases: ['NoEmptyContinuation'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  fixable: true,
  description: 'An instruction continued with `\\` has an empty line in the middle; this will become an error.',
  docs: `An empty line inside a line continuation is silently skipped today, but it usually hides a mistake (a
forgotten \`\\\\\`, or an instruction that ends earlier than intended) and BuildKit will reject it in a future release.
The finding is on the line that follows the empty line(s), as BuildKit reports it; the quick fix deletes the empty lines.

**Bad**
\`\`\`dockerfile
RUN apk add --no-cache \\\\

    curl
\`\`\`
**Good**
\`\`\`dockerfile
RUN apk add --no-cache \\\\
    curl
\`\`\``,
  check(ctx) {
    const { index } = ctx.model;
    for (const ins of ctx.model.instructions) {
      const r = ins.getRange();
      // Past the file's final line break there is no line (BuildKit's scanner reads none), only end of file.
      const lastLine = r.end.line === index.lineCount - 1 && index.lineText(r.end.line) === '' ? r.end.line - 1 : r.end.line;
      if (r.start.line === lastLine) continue;
      let blank = false;
      for (let line = r.start.line + 1; line <= lastLine && !blank; line++) blank = isBlank(index.lineText(line));
      // The heredoc check reads the instruction's heredocs (dockerfile-ast parses them on demand): only when needed.
      if (!blank || hasHeredoc(ins)) continue;
      for (let line = r.start.line + 1; line <= lastLine; line++) {
        if (index.lineText(line).trim() !== '') continue;
        const first = line;
        while (line <= lastLine && index.lineText(line).trim() === '') line++;
        const next = Math.min(line, lastLine);
        const text = index.lineText(next);
        const indent = text.length - text.trimStart().length;
        const range = text.trim()
          ? { start: { line: next, character: indent }, end: { line: next, character: text.trimEnd().length } }
          : { start: { line: first, character: 0 }, end: { line: first, character: 0 } };
        const del = { start: { line: first, character: 0 }, end: { line, character: 0 } };
        ctx.report({
          range,
          message: line - first === 1 ? 'The line above is an empty continuation line: remove it.' : `The ${line - first} lines above are empty continuation lines: remove them.`,
          fix: { title: 'Remove the empty continuation line(s)', edits: [{ range: del, newText: '' }] },
        });
      }
    }
  },
};
