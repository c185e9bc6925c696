// Incremental parsing of multi-document files, and moving or copying parsed nodes (for yaml.ts and block-reparse.ts).
import { Composer, Document, Parser, Scalar } from 'yaml';
import { changedSpan } from '../engine/text-diff';
import { documentMarkers } from './document-starts';
import { isMap, isNode, isPair, isScalar, isSeq, PARSE_OPTIONS } from './library';

// A large multi-document file is parsed one `---` document at a time. Parsed documents are remembered by their text,
// so after an edit only the edited document is parsed again; the others are reused from the previous version: as
// they are when they did not move, else moved (their ranges shifted). YAML anchors and keys never cross documents,
// so the result equals a whole-file parse (test/unit/engine/yaml-incremental.test.ts checks this).
//
// A document that moved is moved in place when it belongs to the same file's previous version alone (its `owner`),
// else cloned: copying half of a 5,000-line file on every keystroke was the largest cost of an edit (and of the
// garbage collector's work). Whoever reads an older version's nodes later (a lazily built fix) reads them where they
// were then with `atShift` (documentShift tells how far a document has moved since).

/** Below this size a whole parse is cheap and the bookkeeping is not worth it. */
export const SEGMENTED_PARSE_MIN_CHARS = 16 * 1024;
/** Bound on the remembered documents' source text, across all files (least recently used go first). */
const SEGMENT_CACHE_MAX_CHARS = 8 * 1024 * 1024;
/** By document text: where it was last parsed or moved to, and the file it belongs to (undefined: shared by several). */
interface Remembered {
  start: number;
  doc: Document.Parsed;
  owner: string | undefined;
}
const segmentCache = new Map<string, Remembered>();
let segmentCacheChars = 0;
/** How far each document moved in place since it was parsed (characters). */
const moved = new WeakMap<Document.Parsed, number>();

/** Start offsets of the `---` documents of a text, or undefined when the text has directives or `...` markers. */
export function documentStarts(text: string): number[] | undefined {
  const markers = documentMarkers(text);
  if (!markers) return undefined;
  const starts = [0, ...markers];
  // Comments and blank lines before the first `---` belong to the first document, as in a whole parse.
  if (starts.length > 1 && /^(?:\uFEFF)?(?:[ \t]*(?:#[^\r\n]*)?(?:\r?\n|\r))*[ \t]*$/.test(text.slice(0, starts[1]))) starts.splice(1, 1);
  return starts;
}

/** The last text split into documents, with their texts: after an edit, unchanged ones are taken from here. */
let lastSplit: { text: string; starts: number[]; bodies: string[] } | undefined;

/**
 * The text of each document. Those before and after the edit are the previous version's very strings: looking them
 * up again costs nothing (a string keeps its hash), where a new slice of each would be hashed again on every edit.
 */
function bodiesOf(text: string, starts: number[]): string[] {
  const prev = lastSplit;
  const bodies: string[] = new Array(starts.length);
  const end = (list: number[], i: number, length: number) => list[i + 1] ?? length;
  let a = -1;
  let s = -1;
  if (prev) {
    ({ prefix: a, suffix: s } = changedSpan(prev.text, text));
  }
  const delta = prev ? text.length - prev.text.length : 0;
  const n = starts.length;
  const m = prev?.starts.length ?? 0;
  for (let i = 0; i < n; i++) {
    const start = starts[i];
    const stop = end(starts, i, text.length);
    let body: string | undefined;
    if (prev && stop <= a && i < m && prev.starts[i] === start && end(prev.starts, i, prev.text.length) === stop) body = prev.bodies[i];
    const j = m - (n - i);
    if (!body && prev && start >= text.length - s && j >= 0 && prev.starts[j] + delta === start && end(prev.starts, j, prev.text.length) + delta === stop) body = prev.bodies[j];
    bodies[i] = body ?? text.slice(start, stop);
  }
  lastSplit = { text, starts, bodies };
  return bodies;
}

export function parseBySegments(text: string, owner: string | undefined): Document.Parsed[] | undefined {
  const starts = documentStarts(text);
  if (!starts || starts.length < 2) return undefined;
  const docs: Document.Parsed[] = [];
  const bodies = bodiesOf(text, starts);
  // A document reused twice in one text (two identical documents) is cloned the second time.
  const used = new Set<Document.Parsed>();
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const body = bodies[i];
    const hit = segmentCache.get(body);
    if (hit) {
      segmentCache.delete(body); // re-insert: most recently used last
      segmentCache.set(body, hit);
      if (start === hit.start && !used.has(hit.doc)) {
        // Shared as it is; once two files hold it, it is never moved in place again.
        if (hit.owner !== owner) hit.owner = undefined;
      } else if (owner !== undefined && hit.owner === owner && !used.has(hit.doc)) {
        moveDocument(hit.doc, start - hit.start);
        hit.start = start;
      } else {
        // Another file's (or an earlier piece's) document: a copy, remembered for this file from now on.
        const copy = cloneShifted(hit.doc, start - hit.start);
        segmentCache.set(body, { start, doc: copy, owner });
        used.add(copy);
        docs.push(copy);
        continue;
      }
      used.add(hit.doc);
      docs.push(hit.doc);
      continue;
    }
    const parsed = parseAt(body, start);
    // A piece that is not exactly one document (odd markers): parse the whole file instead.
    if (parsed.length !== 1) return undefined;
    const doc = parsed[0];
    remember(body, { start, doc, owner });
    used.add(doc);
    docs.push(doc);
  }
  return docs;
}

/**
 * The documents of a piece of a text that starts at `offset` in it, with ranges (and problem positions) in the whole
 * text: the parser counts from where it is told to start (`Parser.offset`), so nothing needs moving afterwards.
 */
function parseAt(source: string, offset: number): Document.Parsed[] {
  const parser = new Parser();
  parser.offset = offset;
  return Array.from(new Composer(PARSE_OPTIONS).compose(parser.parse(source))) as Document.Parsed[];
}

/** How far a document has been moved in place since it was parsed (0 for a document never moved). */
export function documentShift(doc: Document.Parsed): number {
  return moved.get(doc) ?? 0;
}

/**
 * Runs `read` with the document where it was when `documentShift(doc)` was `shift` (moved there and back), for readers
 * of an older version's nodes. Nothing else runs meanwhile: moving is synchronous.
 */
export function atShift<T>(doc: Document.Parsed, shift: number, read: () => T): T {
  const by = shift - documentShift(doc);
  if (by === 0) return read();
  moveDocument(doc, by);
  try {
    return read();
  } finally {
    moveDocument(doc, -by);
  }
}

function moveDocument(doc: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  shiftDocument(doc, delta);
  moved.set(doc, documentShift(doc) + delta);
}

/** Forgets remembered documents (benchmarks measure cold parses with it). */
export function clearParseCache(): void {
  segmentCache.clear();
  segmentCacheChars = 0;
  lastSplit = undefined;
}

function remember(body: string, entry: Remembered): void {
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
  shiftNode(doc.contents, delta);
  doc.errors = doc.errors.map((e) => shiftError(e, delta));
  doc.warnings = doc.warnings.map((e) => shiftError(e, delta));
}

/** Moves the ranges of a node and everything under it (a plain walk: the library's `visit` is several times slower). */
function shiftNode(node: unknown, delta: number): void {
  if (node === null || typeof node !== 'object') return;
  // Scalars, aliases and collections have a range (three offsets); pairs have none, only a key and a value.
  const n = node as { range?: number[] | null; items?: unknown[]; key?: unknown; value?: unknown };
  const range = n.range;
  if (range) {
    for (let i = 0; i < range.length; i++) range[i] += delta;
  } else if (isPair(node)) {
    shiftNode(n.key, delta);
    shiftNode(n.value, delta);
    return;
  }
  const items = n.items;
  if (items !== undefined && (isMap(node) || isSeq(node))) for (let i = 0; i < items.length; i++) shiftNode(items[i], delta);
}

const shiftError = <E extends { pos: [number, number] }>(e: E, delta: number): E => Object.assign(Object.create(Object.getPrototypeOf(e)), e, { pos: [e.pos[0] + delta, e.pos[1] + delta] });

/** The symbol-keyed node type every yaml node carries (not exported by the library). */
const NODE_TYPE = Object.getOwnPropertySymbols(new Scalar(null))[0];

/**
 * A copy of a parsed document with every range moved by `delta`: what `doc.clone()` and a shift do, in one pass and
 * several times faster (the library's clone copies property descriptors, which leaves slow dictionary-mode objects).
 * Node objects are built the way their constructors build them, so they keep the parser's object shapes.
 */
function cloneShifted(doc: Document.Parsed, delta: number): Document.Parsed {
  const copy = copyObject(doc);
  copy.contents = cloneNode(doc.contents, delta) as typeof doc.contents;
  copy.range = doc.range.map((x) => x + delta) as typeof doc.range;
  copy.errors = doc.errors.map((e) => shiftError(e, delta));
  copy.warnings = doc.warnings.map((e) => shiftError(e, delta));
  return copy;
}

/**
 * Same prototype, the node type symbol first (as constructors define it), collections' non-enumerable `schema` next,
 * then the enumerable own properties.
 */
function copyObject<T extends object>(node: T, collection = false): T {
  const copy = Object.create(Object.getPrototypeOf(node));
  const type = (node as Record<symbol, unknown>)[NODE_TYPE];
  if (type !== undefined) Object.defineProperty(copy, NODE_TYPE, { value: type });
  if (collection) Object.defineProperty(copy, 'schema', { value: (node as { schema?: unknown }).schema, configurable: true, enumerable: false, writable: true });
  return Object.assign(copy, node);
}

/** Moves every range of a parsed node (pair, scalar, collection) by `delta`, in place (used by block-reparse.ts). */
export function moveNode(node: unknown, delta: number): void {
  if (delta !== 0) shiftNode(node, delta);
}

/** A shallow copy of a parsed node or document that keeps the parser's object shape (`collection`: a map or sequence). */
export function copyYamlObject<T extends object>(node: T, collection = false): T {
  return copyObject(node, collection);
}

function cloneNode(node: unknown, delta: number): unknown {
  if (isPair(node)) {
    const copy = copyObject(node);
    copy.key = cloneNode(node.key, delta);
    copy.value = cloneNode(node.value, delta);
    return copy;
  }
  if (isScalar(node)) {
    const copy = copyObject(node);
    if (node.range) copy.range = [node.range[0] + delta, node.range[1] + delta, node.range[2] + delta];
    return copy;
  }
  if (isMap(node) || isSeq(node)) {
    const copy = copyObject(node, true);
    copy.items = (node.items as unknown[]).map((item) => cloneNode(item, delta)) as typeof copy.items;
    if (node.range) copy.range = [node.range[0] + delta, node.range[1] + delta, node.range[2] + delta];
    return copy;
  }
  if (isNode(node)) {
    // Aliases (and anything else): the library's copy, then the shift.
    const copy = node.clone();
    if (copy.range) copy.range = [copy.range[0] + delta, copy.range[1] + delta, copy.range[2] + delta];
    return copy;
  }
  return node;
}
