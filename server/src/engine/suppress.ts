import { LineIndex } from './text';
import type { Fix, Suppression } from './types';

// `# shipshape-ignore rule[,rule] [-- reason]` covers the next unit (or its own line when it trails code);
// `# shipshape-ignore-file rule[,rule]` covers the whole file. No rule list means every rule.
const PRAGMA = /(?:^|\s)#\s*shipshape-ignore(-file)?(?=\s|$)([^\n]*)$/;

function parseRuleList(rest: string): string[] {
  const withoutReason = rest.split(/\s--(?:\s|$)/)[0];
  const rules = withoutReason
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return rules.length ? rules : ['*'];
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlankOrComment = (line: string) => /^\s*(#.*)?$/.test(line);

/** Default unit extent: the line, its `\` continuations, and the lines indented under it (a YAML key's value). */
export function indentationUnitEnd(index: LineIndex, line: number): number {
  const first = index.lineText(line);
  const indent = indentOf(first);
  const opensBlock = /:\s*(#.*)?$/.test(first) || /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(first);
  let end = line;
  for (let l = line + 1; l < index.lineCount; l++) {
    const prev = index.lineText(l - 1);
    const text = index.lineText(l);
    if (/\\\s*$/.test(prev)) { end = l; continue; }
    if (text.trim() === '') continue;
    const ind = indentOf(text);
    if (ind > indent || (opensBlock && ind === indent && text.trimStart().startsWith('- '))) { end = l; continue; }
    break;
  }
  return end;
}

/** Finds our own pragmas in a text. `unitEnd` gives the extent of the unit a full-line comment precedes. */
export function commentSuppressions(text: string, index: LineIndex, unitEnd: (line: number) => number): Suppression[] {
  const out: Suppression[] = [];
  if (!text.includes('shipshape-ignore')) return out;
  for (let line = 0; line < index.lineCount; line++) {
    const lineText = index.lineText(line);
    if (!lineText.includes('shipshape-ignore')) continue;
    const m = PRAGMA.exec(lineText);
    if (!m) continue;
    const rules = parseRuleList(m[2]);
    if (m[1]) {
      out.push({ rules });
      continue;
    }
    const trailing = lineText.slice(0, m.index + (m[0].startsWith('#') ? 0 : 1)).trim() !== '';
    if (trailing) {
      out.push({ rules, fromLine: line, toLine: unitEnd(line) });
      continue;
    }
    let target = line + 1;
    while (target < index.lineCount && isBlankOrComment(index.lineText(target))) target++;
    if (target < index.lineCount) out.push({ rules, fromLine: target, toLine: unitEnd(target) });
  }
  return out;
}

export function isSuppressed(
  suppressions: Suppression[],
  line: number,
  matches: (token: string) => boolean,
): boolean {
  return suppressions.some(
    (s) =>
      (s.fromLine === undefined || (line >= s.fromLine && line <= (s.toLine ?? s.fromLine))) && s.rules.some(matches),
  );
}

/** "Ignore <rule> on this line": a comment line above `line`, indented like it. */
export function ignoreLineFix(index: LineIndex, line: number, ruleId: string): Fix {
  const lineText = index.lineText(line);
  const indent = lineText.slice(0, indentOf(lineText));
  const existing = /^(\s*#\s*shipshape-ignore\s+)([^\n]*?)(\s+--.*)?$/.exec(line > 0 ? index.lineText(line - 1) : '');
  if (existing) {
    // Extend the pragma already above the line instead of stacking a second one.
    const rules = parseRuleList(existing[2]);
    if (!rules.includes(ruleId)) {
      const prev = line - 1;
      const start = { line: prev, character: existing[1].length + existing[2].length };
      return { title: `Ignore ${ruleId} on this line`, edits: [{ range: { start, end: start }, newText: `,${ruleId}` }], safe: false };
    }
  }
  const at = { line, character: 0 };
  return {
    title: `Ignore ${ruleId} on this line`,
    edits: [{ range: { start: at, end: at }, newText: `${indent}# shipshape-ignore ${ruleId}${index.eol}` }],
    safe: false,
  };
}

/** "Ignore <rule> in this file": a `shipshape-ignore-file` comment at `line` (top of file by default). */
export function ignoreFileFix(index: LineIndex, line: number, ruleId: string): Fix {
  const at = { line: Math.min(line, index.lineCount), character: 0 };
  const atEnd = at.line >= index.lineCount || (at.line === index.lineCount - 1 && index.lineText(at.line) === '' && line > 0);
  const newText = atEnd && index.text.length > 0 && !/\n$/.test(index.text)
    ? `${index.eol}# shipshape-ignore-file ${ruleId}`
    : `# shipshape-ignore-file ${ruleId}${index.eol}`;
  return {
    title: `Ignore ${ruleId} in this file`,
    edits: [{ range: { start: at, end: at }, newText }],
    safe: false,
  };
}
