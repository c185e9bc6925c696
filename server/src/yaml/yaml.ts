// Shared YAML plumbing for Kubernetes manifests and workflows: one parse, ranges, and text edits that keep
// the file's own style (indentation, flush or indented sequences, comments, key order).
import { Document, parseAllDocuments, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../engine/text';
import type { Range, Report, TextEdit } from '../engine/types';
import { isMap, isScalar, isSeq, PARSE_OPTIONS } from './library';
import { parseBySegments, SEGMENTED_PARSE_MIN_CHARS } from './multi-document';

export type { Node, Pair, YAMLMap, YAMLSeq };
export { isAlias, isCollection, isDocument, isMap, isNode, isPair, isScalar, isSeq } from './library';
export { atShift, clearParseCache, copyYamlObject, documentShift, documentStarts, moveNode } from './multi-document';

export interface YamlFile {
  docs: Document.Parsed[];
  /** Syntax errors, duplicate keys, tabs: as reports for the kind's `syntax` rule. */
  problems: Report[];
}

/**
 * The documents of a YAML text, with their problems. `owner` (a file's path): documents of its previous version that
 * moved may be moved in place rather than copied (see parseBySegments).
 */
export function parseYaml(text: string, index: LineIndex, owner?: string): YamlFile {
  const list = (text.length >= SEGMENTED_PARSE_MIN_CHARS && parseBySegments(text, owner)) || parseWhole(text);
  const problems: Report[] = [];
  for (const doc of list) {
    for (const e of [...doc.errors, ...doc.warnings]) {
      const [start, end] = e.pos;
      problems.push({
        range: index.range(start, Math.max(end, start + 1)),
        message: yamlMessage(e.code, e.message),
        severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      });
    }
  }
  return { docs: list, problems };
}

export function parseWhole(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  return Array.isArray(docs) ? docs : [];
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return `Duplicate key: ${first.replace(/^Map keys must be unique;?\s*/, '') || 'map keys must be unique'}`.replace(/: $/, '');
  if (code === 'TAB_AS_INDENT') return 'Tabs are not allowed for indentation in YAML; use spaces.';
  return `YAML syntax error: ${first}`;
}

export function rangeOf(index: LineIndex, node: { range?: [number, number, number] | null } | null | undefined): Range | undefined {
  if (!node?.range) return undefined;
  return index.range(node.range[0], node.range[1]);
}

/** Pair of a map by key name. */
export function pairOf(map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isScalar(item.key) && String(item.key.value) === key) return item as Pair<Node, Node | null>;
  }
  return undefined;
}

/** Value node of a map entry (or undefined). */
export function get(map: unknown, key: string): Node | undefined {
  return pairOf(map, key)?.value ?? undefined;
}

/** Follows a key path through maps. */
export function getIn(node: unknown, keys: string[]): Node | undefined {
  let cur: unknown = node;
  for (const k of keys) {
    cur = get(cur, k);
    if (cur === undefined) return undefined;
  }
  return cur as Node;
}

export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return v === null || v === undefined ? undefined : String(v);
}

/** The range of a key (for "missing X" findings reported on the key that should contain it). */
export function keyRange(index: LineIndex, map: unknown, key: string): Range | undefined {
  return rangeOf(index, pairOf(map, key)?.key as Node | undefined);
}

/** Indentation of the line an offset is on. */
function lineIndentAt(index: LineIndex, offset: number): string {
  const line = index.lineText(index.positionAt(offset).line);
  return /^[ ]*/.exec(line)![0];
}

/**
 * The file's indentation style, remembered for the last text seen: rules build many insertions into the same text
 * (one per job or step), and each would otherwise scan it again. Strings compare by identity first, so the check is
 * cheap for the same text.
 */
let styleOf: { text: string; step: number; indentSeq: boolean } | undefined;

function styleFor(text: string): { step: number; indentSeq: boolean } {
  if (styleOf?.text !== text) {
    const m = /^([ ]+)[^\s#-]/m.exec(text);
    const n = m ? m[1].length : 2;
    const s = /^([ ]*)[^\s#][^\n]*:[ ]*\r?\n([ ]*)- /m.exec(text);
    styleOf = { text, step: n >= 2 && n <= 8 ? n : 2, indentSeq: s ? s[2].length > s[1].length : true };
  }
  return styleOf;
}

/** The file's indentation step (2 or 4 ...), guessed from its first indented key. */
export function indentStep(text: string): number {
  return styleFor(text).step;
}

/** Whether sequences in the file are indented under their key (`key:\n  - a`) rather than flush (`key:\n- a`). */
export function indentsSequences(text: string): boolean {
  return styleFor(text).indentSeq;
}

/**
 * An edit that adds entries to a mapping, keeping the map's style: block maps get new lines at the map's key
 * indentation after its last entry; flow maps get `, key: value` before the closing brace.
 */
export function insertIntoMap(index: LineIndex, map: YAMLMap, entries: Record<string, unknown>): TextEdit {
  const text = index.text;
  if (map.flow || !map.items.length) {
    const body = stringify(entries, { flowCollectionPadding: false, collectionStyle: 'flow', lineWidth: 0 }).trim().replace(/^\{|\}$/g, '');
    const end = map.range![1];
    const close = text.lastIndexOf('}', end);
    const hasItems = map.items.length > 0;
    if (close >= 0 && map.flow) {
      const at = index.positionAt(close);
      return { range: { start: at, end: at }, newText: `${hasItems ? ', ' : ''}${body}` };
    }
  }
  const first = map.items[0];
  const keyStart = (first.key as Node).range![0];
  const indent = ' '.repeat(index.positionAt(keyStart).character);
  const lastEnd = lastContentEnd(map, text);
  const { step, indentSeq } = styleFor(text);
  const lines = plainBlockLines(entries, ' '.repeat(step)) ?? blockYaml(entries, step, indentSeq).split('\n').filter((l) => l.length);
  const block = lines.map((l) => indent + l).join(index.eol);
  const at = index.positionAt(lastEnd);
  const lineEnd = index.lineEnd(at.line);
  const p = index.positionAt(lineEnd);
  return { range: { start: p, end: p }, newText: index.eol + block };
}

/** Words YAML may read as something other than a string (the serializer quotes them; leave those to it). */
const NOT_PLAIN = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** A key or string that needs no quoting in any YAML reader: an identifier-like word. */
function plainWord(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s) && !NOT_PLAIN.test(s);
}

/** Serialized single-line strings (fixes insert the same `${{ … }}` values again and again). */
const scalarTexts = new Map<string, string | undefined>();

/** A scalar as the serializer writes it as a block mapping value, when that is one line; else undefined. */
function scalarText(v: unknown): string | undefined {
  if (typeof v === 'boolean' || (typeof v === 'number' && Number.isSafeInteger(v))) return String(v);
  if (typeof v !== 'string') return undefined;
  if (plainWord(v)) return v;
  // Document markers and line breaks read differently at the top level than as a value: leave them to the serializer.
  if (/^[-.]|[\r\n]/.test(v)) return undefined;
  if (!scalarTexts.has(v)) {
    if (scalarTexts.size >= 1000) scalarTexts.clear();
    const text = stringify(v, { lineWidth: 0 }).replace(/\n$/, '');
    scalarTexts.set(v, text.includes('\n') ? undefined : text);
  }
  return scalarTexts.get(v);
}

/**
 * The lines of a block mapping of identifier-like keys whose values are numbers, booleans, identifier-like strings
 * or such mappings — what most fixes insert — written directly, as the serializer would write them; undefined for
 * anything else (which goes through the serializer).
 */
function plainBlockLines(value: Record<string, unknown>, step: string, indent = ''): string[] | undefined {
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (!plainWord(k)) return undefined;
    const scalar = scalarText(v);
    if (scalar !== undefined) out.push(`${indent}${k}: ${scalar}`);
    else if (isPlainObject(v) && Object.keys(v).length) {
      const inner = plainBlockLines(v, step, indent + step);
      if (!inner) return undefined;
      out.push(`${indent}${k}:`, ...inner);
    } else return undefined;
  }
  return out;
}

/** End offset of a map's last value, excluding trailing comments and blank lines. */
function lastContentEnd(map: YAMLMap, text: string): number {
  const last = map.items[map.items.length - 1];
  const node = (last.value ?? last.key) as Node;
  let end = node.range ? node.range[1] : map.range![1];
  // range[1] of a block value can include trailing newlines; step back over whitespace.
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Serializes a value as block YAML with a given indent step and sequence style. */
export function blockYaml(value: unknown, step: number, indentSeq: boolean): string {
  return stringify(value, { indent: step, indentSeq, lineWidth: 0 });
}

export { lineIndentAt };

/** An edit that replaces a scalar value, keeping its quoting style when it had quotes. */
export function replaceScalar(index: LineIndex, node: Node, value: string | number | boolean): TextEdit {
  const [start, end] = node.range!;
  const old = index.text.slice(start, end);
  const quote = old.startsWith('"') ? '"' : old.startsWith("'") ? "'" : '';
  const text = quote && typeof value === 'string' ? `${quote}${value}${quote}` : String(value);
  return { range: index.range(start, end), newText: text };
}

/** An edit that appends scalar items to a sequence: new `- item` lines for block sequences, `, item` for flow ones. */
export function appendToSeq(index: LineIndex, seq: YAMLSeq, items: Array<string | number>): TextEdit {
  const text = index.text;
  const flowItems = items.map((i) => stringify(i, { lineWidth: 0 }).trim());
  if (seq.flow || !seq.items.length) {
    const close = text.lastIndexOf(']', seq.range![1]);
    const at = index.positionAt(close);
    return { range: { start: at, end: at }, newText: `${seq.items.length ? ', ' : ''}${flowItems.join(', ')}` };
  }
  const first = seq.items[0] as Node;
  const firstLine = index.lineText(index.positionAt(first.range![0]).line);
  const dash = /^([ ]*)- /.exec(firstLine)?.[1] ?? ' '.repeat(Math.max(0, index.positionAt(first.range![0]).character - 2));
  const last = seq.items[seq.items.length - 1] as Node;
  let end = last.range![1];
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const p = index.positionAt(index.lineEnd(index.positionAt(end).line));
  return { range: { start: p, end: p }, newText: flowItems.map((i) => `${index.eol}${dash}- ${i}`).join('') };
}

/**
 * Edits that make a mapping contain `desired` (deeply): missing keys are inserted, nested mappings merged,
 * sequences of scalars get their missing items appended, and scalars that differ are replaced. Returns no edits
 * when the mapping already matches, so fixes built on it are idempotent.
 */
export function mergeIntoMap(index: LineIndex, map: YAMLMap, desired: Record<string, unknown>): TextEdit[] {
  const edits: TextEdit[] = [];
  const missing: Record<string, unknown> = {};
  for (const [key, want] of Object.entries(desired)) {
    const pair = pairOf(map, key);
    const have = pair?.value;
    if (!pair) missing[key] = want;
    else if (have === null || have === undefined || (isScalar(have) && have.value === null)) edits.push(...replaceEmptyValue(index, pair, want));
    else if (isPlainObject(want)) {
      if (isMap(have)) edits.push(...mergeIntoMap(index, have, want));
    } else if (Array.isArray(want)) {
      if (isSeq(have)) {
        const present = new Set(have.items.map((i) => scalarString(i)));
        const add = want.filter((w) => !present.has(String(w)));
        if (add.length) edits.push(appendToSeq(index, have, add as Array<string | number>));
      }
    } else if (isScalar(have) && have.value !== want) {
      edits.push(replaceScalar(index, have, want as string | number | boolean));
    }
  }
  if (Object.keys(missing).length) edits.push(insertIntoMap(index, map, missing));
  return coalesceInsertions(edits);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `key:` with no value (or `~`/`null`): the value is written after the key, as a nested block. */
function replaceEmptyValue(index: LineIndex, pair: Pair<Node, Node | null>, want: unknown): TextEdit[] {
  const key = pair.key as Node;
  const indent = ' '.repeat(index.positionAt(key.range![0]).character);
  const step = indentStep(index.text);
  const value = pair.value as Node | null;
  const start = key.range![1];
  const end = value?.range ? value.range[1] : start;
  let afterColon = index.text.indexOf(':', start);
  if (afterColon < 0 || afterColon > Math.max(end, start + 1)) afterColon = start;
  const body = isPlainObject(want) || Array.isArray(want)
    ? blockYaml(want, step, indentsSequences(index.text)).split('\n').filter((l) => l.length).map((l) => indent + ' '.repeat(step) + l).join(index.eol)
    : undefined;
  const newText = body === undefined ? `: ${stringify(want, { lineWidth: 0 }).trim()}` : `:${index.eol}${body}`;
  return [{ range: index.range(afterColon, Math.max(end, afterColon + 1)), newText }];
}

/**
 * Several insertions at the same point become one edit. Insertions after the last line of nested maps share a point;
 * the more deeply indented text belongs to the inner map, so it goes first.
 */
export function coalesceInsertions(edits: TextEdit[]): TextEdit[] {
  const isInsert = (e: TextEdit) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
  const depth = (e: TextEdit) => /^(?:\r?\n)?( *)/.exec(e.newText)![1].length;
  const out: TextEdit[] = [];
  const groups = new Map<string, TextEdit[]>();
  for (const e of edits) {
    if (!isInsert(e)) {
      out.push(e);
      continue;
    }
    const key = `${e.range.start.line}:${e.range.start.character}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(e);
  }
  for (const group of groups.values()) {
    const sorted = group.map((e, i) => ({ e, i })).sort((a, b) => depth(b.e) - depth(a.e) || a.i - b.i).map((x) => x.e);
    out.push({ range: sorted[0].range, newText: sorted.map((e) => e.newText).join('') });
  }
  return out;
}

/**
 * An edit that deletes a key and its value from a mapping: whole lines for block maps (comments on other lines stay),
 * the entry and one neighbouring comma for flow maps.
 */
export function removePair(index: LineIndex, map: YAMLMap, key: string): TextEdit | undefined {
  const pair = pairOf(map, key);
  if (!pair) return undefined;
  const text = index.text;
  const start = (pair.key as Node).range![0];
  let end = pair.value?.range ? pair.value.range[1] : (pair.key as Node).range![1];
  if (map.flow) {
    const i = map.items.indexOf(pair as never);
    let from = start;
    let to = end;
    if (i < map.items.length - 1) to = ((map.items[i + 1].key as Node).range![0]);
    else if (i > 0) {
      const prev = map.items[i - 1];
      from = ((prev.value ?? prev.key) as Node).range![1];
    }
    return { range: index.range(from, to), newText: '' };
  }
  while (end > start && /\s/.test(text[end - 1])) end--;
  const firstLine = index.positionAt(start).line;
  const lastLine = index.positionAt(end).line;
  const from = index.lineStarts[firstLine];
  const to = lastLine + 1 < index.lineCount ? index.lineStarts[lastLine + 1] : text.length;
  // A key that shares its line with a sequence dash (`- key: v`) cannot lose the whole line.
  if (!/^\s*$/.test(text.slice(from, start))) return { range: index.range(start, to), newText: '' };
  return { range: index.range(from, to), newText: '' };
}
