// Shared YAML plumbing for Kubernetes manifests and workflows: one parse, ranges, and text edits that keep
// the file's own style (indentation, flush or indented sequences, comments, key order).
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, stringify, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../engine/text';
import type { Range, Report, TextEdit } from '../engine/types';

export type { Node, Pair, YAMLMap, YAMLSeq };
export { isMap, isPair, isScalar, isSeq };

export interface YamlFile {
  docs: Document.Parsed[];
  /** Syntax errors, duplicate keys, tabs: as reports for the kind's `syntax` rule. */
  problems: Report[];
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

export function parseYaml(text: string, index: LineIndex): YamlFile {
  const list = (text.length >= SEGMENTED_PARSE_MIN_CHARS && parseBySegments(text)) || parseWhole(text);
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
  const docs = parseAllDocuments(text, { lineCounter: new LineCounter(), ...PARSE_OPTIONS });
  return Array.isArray(docs) ? docs : [];
}

// --- Incremental parsing of multi-document files -----------------------------------------------------------------
// A large multi-document file is parsed one `---` document at a time. Parsed documents are remembered by their text,
// so after an edit only the edited document is parsed again; the others are cloned from the previous version and
// their ranges shifted (cloning and shifting cost a fraction of a parse). YAML anchors and keys never cross
// documents, so the result equals a whole-file parse (test/unit/engine/yaml-incremental.test.ts checks this).

/** Below this size a whole parse is cheap and the bookkeeping is not worth it. */
const SEGMENTED_PARSE_MIN_CHARS = 16 * 1024;
/** Bound on the remembered documents' source text, across all files (least recently used go first). */
const SEGMENT_CACHE_MAX_CHARS = 8 * 1024 * 1024;
const segmentCache = new Map<string, { start: number; doc: Document.Parsed }>();
let segmentCacheChars = 0;

/** Start offsets of the `---` documents of a text, or undefined when the text has directives or `...` markers. */
export function documentStarts(text: string): number[] | undefined {
  if (/^(?:%|\.\.\.)/m.test(text)) return undefined;
  const starts = [0];
  for (const m of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) if (m.index! > 0) starts.push(m.index!);
  // Comments and blank lines before the first `---` belong to the first document, as in a whole parse.
  if (starts.length > 1 && /^(?:\uFEFF)?(?:[ \t]*(?:#[^\r\n]*)?(?:\r?\n|\r))*[ \t]*$/.test(text.slice(0, starts[1]))) starts.splice(1, 1);
  return starts;
}

function parseBySegments(text: string): Document.Parsed[] | undefined {
  const starts = documentStarts(text);
  if (!starts || starts.length < 2) return undefined;
  const docs: Document.Parsed[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const body = text.slice(start, starts[i + 1] ?? text.length);
    const hit = segmentCache.get(body);
    if (hit) {
      segmentCache.delete(body); // re-insert: most recently used last
      segmentCache.set(body, hit);
      // Documents before the edit did not move: they are shared as they are (parsed documents are never mutated);
      // the ones after it are cloned so that the previous version's ranges stay true.
      if (start === hit.start) docs.push(hit.doc);
      else {
        const doc = hit.doc.clone() as Document.Parsed;
        shiftDocument(doc, start - hit.start);
        docs.push(doc);
      }
      continue;
    }
    const parsed = parseAllDocuments(body, PARSE_OPTIONS);
    // A piece that is not exactly one document (odd markers): parse the whole file instead.
    if (!Array.isArray(parsed) || parsed.length !== 1) return undefined;
    const doc = parsed[0];
    shiftDocument(doc, start);
    remember(body, { start, doc });
    docs.push(doc);
  }
  return docs;
}

/** Forgets remembered documents (benchmarks measure cold parses with it). */
export function clearParseCache(): void {
  segmentCache.clear();
  segmentCacheChars = 0;
}

function remember(body: string, entry: { start: number; doc: Document.Parsed }): void {
  if (body.length > SEGMENT_CACHE_MAX_CHARS / 4) return;
  segmentCache.set(body, entry);
  segmentCacheChars += body.length;
  for (const [key] of segmentCache) {
    if (segmentCacheChars <= SEGMENT_CACHE_MAX_CHARS) break;
    segmentCache.delete(key);
    segmentCacheChars -= key.length;
  }
}

/** Moves every range of a document (nodes, errors, warnings) by `delta` characters. Errors are copied, not mutated. */
function shiftDocument(doc: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  const move = (r: number[] | null | undefined) => {
    if (r) for (let i = 0; i < r.length; i++) r[i] += delta;
  };
  move(doc.range as unknown as number[]);
  visit(doc, {
    Node(_key, node) {
      move(node.range as unknown as number[] | undefined);
    },
  });
  const shiftError = <E extends { pos: [number, number] }>(e: E): E => Object.assign(Object.create(Object.getPrototypeOf(e)), e, { pos: [e.pos[0] + delta, e.pos[1] + delta] });
  doc.errors = doc.errors.map(shiftError);
  doc.warnings = doc.warnings.map(shiftError);
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

/** The file's indentation step (2 or 4 ...), guessed from its first indented key. */
export function indentStep(text: string): number {
  const m = /^([ ]+)[^\s#-]/m.exec(text);
  const n = m ? m[1].length : 2;
  return n >= 2 && n <= 8 ? n : 2;
}

/** Whether sequences in the file are indented under their key (`key:\n  - a`) rather than flush (`key:\n- a`). */
export function indentsSequences(text: string): boolean {
  const m = /^([ ]*)[^\s#][^\n]*:[ ]*\r?\n([ ]*)- /m.exec(text);
  return m ? m[2].length > m[1].length : true;
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
  const step = indentStep(text);
  const block = blockYaml(entries, step, indentsSequences(text))
    .split('\n')
    .filter((l) => l.length)
    .map((l) => indent + l)
    .join(index.eol);
  const at = index.positionAt(lastEnd);
  const lineEnd = index.lineEnd(at.line);
  const p = index.positionAt(lineEnd);
  return { range: { start: p, end: p }, newText: index.eol + block };
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
