// Where the cursor is in a YAML document, from the text alone (the document is usually incomplete while typing):
// the key path of the mapping being edited, the keys already there, and whether a key or a value is being typed.
import type { LineIndex } from '../engine/text';
import type { Range } from '../engine/types';
import { indentStep } from '../yaml/yaml';

export interface CompletionContext {
  mode: 'key' | 'value';
  /** Keys from the document root to the mapping being edited; `[]` steps into a list item. */
  path: string[];
  /** For values: the key whose value is typed. */
  key?: string;
  /** Keys already present in the mapping (for key completion). */
  siblings: Set<string>;
  /** Column where the mapping's keys start. */
  column: number;
  step: number;
  /** The partial word the completion replaces. */
  replace: Range;
}

interface LineShape {
  /** Columns of `- ` markers. */
  dashes: number[];
  /** Column where the content after indentation and dashes starts. */
  content: number;
  key?: string;
  /** Text after `key:` (trimmed, comments removed). */
  rest?: string;
}

const KEY = /^(["']?)([^"'#:{}[\],&*!|>%@`\s][^:#]*?|[^"']*)\1\s*:(?:\s+|$)(.*)$/;

function shapeOf(line: string): LineShape | undefined {
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  // Keys are short: looking at the start of the line keeps long values (certificates, base64) cheap.
  const body = line.slice(i, i + 256);
  if (!body || body.startsWith('#')) return dashes.length ? { dashes, content: i } : undefined;
  const m = KEY.exec(body);
  if (!m) return { dashes, content: i };
  return { dashes, content: i, key: m[2].trim(), rest: m[3].replace(/(^|\s+)#.*$/, '').trim() };
}

export function completionContext(index: LineIndex, position: Position): CompletionContext | undefined {
  const lineText = index.lineText(position.line);
  const before = lineText.slice(0, position.character);
  const step = indentStep(index.text);
  const valueMatch = /^((?:\s*-\s)*\s*)(["']?)([^\s:#'"]+)\2:\s+(["']?)([^\s#]*)$/.exec(before);
  const keyMatch = /^((?:\s*-(?:\s|$))*\s*)([\w./-]*)$/.exec(before);
  let mode: 'key' | 'value';
  let column: number;
  let key: string | undefined;
  let wordStart: number;
  if (valueMatch) {
    mode = 'value';
    column = valueMatch[1].length;
    key = valueMatch[3];
    wordStart = before.length - valueMatch[5].length;
  } else if (keyMatch) {
    mode = 'key';
    column = keyMatch[1].length;
    wordStart = column;
    if (/-$/.test(keyMatch[1])) return undefined; // "-" with no space yet
  } else return undefined;

  const siblings = new Set<string>();
  const path: string[] = [];
  let limit = column;
  // `limit` is a dash column once we know our mapping is a list item: we then look for the key owning the list.
  let inItem = false;
  const enterItem = (dashes: number[]) => {
    for (let d = dashes.length - 1; d >= 0; d--) path.unshift('[]');
    limit = dashes[0];
    inItem = true;
  };
  const own = shapeOf(before);
  if (own?.dashes.length) enterItem(own.dashes);
  let sameMap = !inItem; // siblings are collected only while still in the cursor's own mapping
  for (let line = position.line - 1; line >= 0 && limit > 0; line--) {
    const text = index.lineText(line);
    if (/^(---|\.\.\.)\s*$/.test(text)) break;
    const s = shapeOf(text);
    if (!s) continue;
    const first = s.dashes.length ? s.dashes[0] : s.content;
    if (!inItem) {
      if (s.content > limit) continue;
      if (s.content === limit) {
        if (s.key && sameMap) siblings.add(s.key);
        if (s.dashes.length) {
          enterItem(s.dashes);
          sameMap = false;
        }
        continue;
      }
    } else if (first > limit || (first === limit && s.dashes.length)) continue;
    // The line owning our mapping or list: `key:` with nothing after it.
    if (!s.key || s.rest) return undefined;
    path.unshift(s.key);
    sameMap = false;
    if (s.dashes.length) enterItem(s.dashes);
    else {
      limit = s.content;
      inItem = false;
    }
  }
  if (path.length === 0 || column === 0) {
    // Root mapping: collect the root keys (above and below) as siblings.
    if (column === 0 && path.length === 0) collectRootSiblings(index, position.line, siblings);
  } else if (mode === 'key') collectSiblingsBelow(index, position.line, column, siblings);
  return {
    mode,
    path,
    key,
    siblings,
    column,
    step,
    replace: { start: { line: position.line, character: wordStart }, end: position },
  };
}

function collectRootSiblings(index: LineIndex, line: number, siblings: Set<string>): void {
  for (const dir of [-1, 1]) {
    for (let l = line + dir; l >= 0 && l < index.lineCount; l += dir) {
      const text = index.lineText(l);
      if (/^(---|\.\.\.)\s*$/.test(text)) break;
      const s = shapeOf(text);
      if (s?.key && s.content === 0 && !s.dashes.length) siblings.add(s.key);
    }
  }
}

function collectSiblingsBelow(index: LineIndex, line: number, column: number, siblings: Set<string>): void {
  for (let l = line + 1; l < index.lineCount; l++) {
    const s = shapeOf(index.lineText(l));
    if (!s) continue;
    if (s.content < column || (s.content === column && s.dashes.length && s.dashes[s.dashes.length - 1] < column)) break;
    if (s.content === column && s.key) siblings.add(s.key);
  }
}

type Position = { line: number; character: number };

/** `apiVersion` and `kind` of the document around a line, read from its root keys (when the model has no manifest there). */
export function documentTypeAt(index: LineIndex, line: number): { apiVersion?: string; kind?: string } {
  const out: { apiVersion?: string; kind?: string } = {};
  for (const dir of [-1, 1]) {
    for (let l = dir < 0 ? line : line + 1; l >= 0 && l < index.lineCount; l += dir) {
      const text = index.lineText(l);
      if (/^(---|\.\.\.)\s*$/.test(text)) break;
      const m = /^(apiVersion|kind):\s*["']?([^\s"'#]+)/.exec(text);
      if (m) out[m[1] as 'apiVersion' | 'kind'] ??= m[2];
    }
  }
  return out;
}
