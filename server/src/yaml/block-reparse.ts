// Incremental parsing of one large YAML document whose bulk is a block mapping under a top-level key (a workflow's
// `jobs:`): after an edit that lies inside one entry of that mapping (one job), only that entry's text is parsed again
// and spliced into the previous version's tree; the entries before it are shared as they are and the ones after it
// are shared too, their ranges moved in place. The previous version's tree is the file's alone (remembered by path)
// and is not read again once the new one is made: the rules keep nothing of it but plain findings. Anything unusual
// (syntax errors or warnings, anchors or aliases, directives, several documents, an edit reaching outside one entry,
// an entry whose re-parse is not exactly one pair, a new key that repeats another, comments after the last entry at
// the end of the file) takes a whole parse instead.
// The result equals a whole parse, ranges, comments and blank-line flags included
// (test/unit/actions/workflow-incremental.test.ts checks it on random edits).
import { PARSE_OPTIONS } from './library';
import { copyYamlObject, isAlias, isMap, isNode, isPair, isScalar, isSeq, moveNode, parseYaml, type YamlFile } from './yaml';
import { parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineIndex } from '../engine/text';
import { changedSpan } from '../engine/text-diff';

/** Below this size a whole parse is cheap and remembering the tree is not worth it. */
const MIN_CHARS = 8 * 1024;
/** Files remembered (least recently used go first). */
const MAX_FILES = 16;

interface Memo {
  text: string;
  doc: Document.Parsed;
  /**
   * Whether the tree is known to hold no anchors or aliases. A fresh parse is looked at when it is used again (the
   * first lint of a file has no use for it; a walk of a 5,000-line workflow's whole tree); splices are by design.
   */
  checked: boolean;
}

const memos = new Map<string, Memo>();

/** How many parses were spliced (tests check that the incremental path is the one taken). */
export const blockReparseStats = { spliced: 0, lastBail: 0 };

function bail(reason: number): undefined {
  blockReparseStats.lastBail = reason;
  return undefined;
}

/** Forgets remembered trees (benchmarks measure cold parses with it; tests compare against whole parses). */
export function clearBlockReparseCache(): void {
  memos.clear();
}

/**
 * Parses `text` (the file at `path`), re-parsing only the edited entry of the block mapping under top-level key
 * `blockKey` when the previous version of the same file was parsed cleanly. Same result as `parseYaml`.
 */
export function parseYamlReusingBlock(text: string, index: LineIndex, path: string, blockKey: string): YamlFile {
  if (text.length < MIN_CHARS) {
    memos.delete(path);
    return parseYaml(text, index);
  }
  const memo = memos.get(path);
  memos.delete(path);
  const prev = memo && (memo.checked || !hasAnchors(memo.doc.contents)) ? memo : undefined;
  let doc = prev ? (prev.text === text ? prev.doc : splice(prev, text, blockKey)) : undefined;
  let file: YamlFile;
  const checked = !!doc;
  if (doc) {
    file = { docs: [doc], problems: [] };
    blockReparseStats.spliced++;
  }
  else {
    file = parseYaml(text, index);
    doc = file.docs.length === 1 && cleanButAnchors(file.docs[0], text) ? file.docs[0] : undefined;
  }
  if (doc) {
    memos.set(path, { text, doc, checked });
    for (const [key] of memos) {
      if (memos.size <= MAX_FILES) break;
      memos.delete(key);
    }
  }
  return file;
}

/**
 * A document the splice can start from: no problems, no directives (here), no anchors or aliases anywhere (checked
 * when the memo is used: `Memo.checked`).
 */
function cleanButAnchors(doc: Document.Parsed, text: string): boolean {
  return !(doc.errors.length || doc.warnings.length || /^%/m.test(text.slice(0, doc.range[0] + 1)));
}

function hasAnchors(node: unknown): boolean {
  if (isAlias(node)) return true;
  if (isPair(node)) return hasAnchors(node.key) || hasAnchors(node.value);
  if (!isNode(node)) return false;
  if ((node as { anchor?: string }).anchor) return true;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) if (hasAnchors(item)) return true;
  }
  return false;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

function splice(prev: Memo, text: string, blockKey: string): Document.Parsed | undefined {
  const old = prev.text;
  const doc = prev.doc;
  const root = doc.contents;
  if (!isMap(root) || root.flow) return bail(1);
  const blockIndex = root.items.findIndex((p) => isScalar(p.key) && p.key.value === blockKey);
  const blockPair = root.items[blockIndex];
  const block = blockPair?.value;
  if (!isMap(block) || block.flow || block.items.length < 2) return bail(2);

  // The edited span: common prefix and suffix of the two texts.
  const { prefix: p, suffix: s } = changedSpan(old, text);
  const oldEnd = old.length - s;
  const delta = text.length - old.length;

  // The entry whose lines hold the edit: from its key's line to the next key's line. The last entry runs to the
  // next top-level key's line, or to the end of the file when the block is the last top-level key.
  const keyStart = (pair: Pair) => (pair.key as Node | null)?.range?.[0];
  const first = keyStart(block.items[0] as Pair);
  if (first === undefined) return bail(3);
  const indent = first - lineStart(old, first);
  let i = -1;
  for (let k = 0; k < block.items.length - 1; k++) {
    const a = keyStart(block.items[k] as Pair);
    const b = keyStart(block.items[k + 1] as Pair);
    if (a === undefined || b === undefined) return bail(4);
    const from = lineStart(old, a);
    const to = lineStart(old, b);
    if (a - from !== indent || b - to !== indent) return bail(5);
    if (p >= from && oldEnd < to && p < to) {
      i = k;
      break;
    }
    if (from > p) break;
  }
  const last = block.items.length - 1;
  const rootNext = root.items[blockIndex + 1] as Pair | undefined;
  let oldTo: number;
  if (i >= 0) oldTo = lineStart(old, keyStart(block.items[i + 1] as Pair)!);
  else {
    const a = keyStart(block.items[last] as Pair);
    const b = rootNext ? keyStart(rootNext) : old.length;
    if (a === undefined || b === undefined || a - lineStart(old, a) !== indent) return bail(6);
    const from = lineStart(old, a);
    // After the last entry comes a less indented key (its line is not part of the entry) or the end of the file.
    oldTo = rootNext ? lineStart(old, b) : old.length;
    if (rootNext && b - oldTo >= indent) return bail(6);
    if (!(p >= from && (rootNext ? oldEnd < oldTo && p < oldTo : oldEnd <= oldTo))) return bail(6);
    i = last;
  }
  const oldPair = block.items[i] as Pair;
  const nextPair = i < last ? (block.items[i + 1] as Pair) : undefined;
  const from = lineStart(old, keyStart(oldPair)!);
  const to = oldTo + delta;
  const segment = text.slice(from, to);
  if (!segment.endsWith('\n') || /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/m.test(segment)) return bail(7);

  const piece = nextPair ? parseEntry(segment, indent) : parseLastEntry(segment, indent, rootIndentOf(old, blockPair), !!rootNext);
  if (!piece) return undefined;
  const { entry, next, shift } = piece;
  if (hasAnchors(entry)) return bail(12);
  if (block.items.some((q, k) => k !== i && isScalar(q.key) && q.key.value === (entry.key as { value: unknown }).value)) return bail(13);
  // A comment the old last entry left on the block (the library attaches some there) would not be replaced.
  if (!nextPair && (block as { comment?: string }).comment) return bail(14);

  const newEntry = entry; // the piece's own nodes, moved to where the entry is in the file
  moveNode(newEntry, from + shift);
  // What the lines before the entry gave its key stays as it was.
  copyLeading(oldPair.key, newEntry.key);

  const items = block.items.slice() as Pair[];
  items[i] = newEntry;
  for (let k = i + 1; k < items.length; k++) moveNode(items[k], delta);
  const off = from + shift;
  // Where collections that end with the re-parsed last entry end is the piece's to say (trailing blank lines and
  // comments may or may not belong to them); otherwise they end where they did, moved by the edit.
  const moved = (r: readonly number[] | undefined) => r && ([r[1] + off, r[2] + off] as const);
  const newBlock = spine(block, delta, moved(piece.ends?.block));
  newBlock.items = items;
  const newBlockPair = shallow(blockPair);
  newBlockPair.value = newBlock as typeof blockPair.value;
  const rootItems = root.items.slice();
  rootItems[blockIndex] = newBlockPair as (typeof rootItems)[number];
  for (let k = blockIndex + 1; k < rootItems.length; k++) moveNode(rootItems[k], delta);
  // The stand-in's comment and blank-line flag are those of the key after the entry.
  if (nextPair) copyLeading(next!.key, items[i + 1].key);
  else if (rootNext) copyLeading(next!.key, (rootItems[blockIndex + 1] as Pair).key);
  const newRoot = spine(root, delta, moved(piece.ends?.root));
  newRoot.items = rootItems;
  const copy = shallow(doc);
  copy.contents = newRoot as typeof doc.contents;
  const docEnd = moved(piece.ends?.doc);
  copy.range = docEnd ? [doc.range[0], docEnd[0], docEnd[1]] : [doc.range[0], doc.range[1] + delta, doc.range[2] + delta];
  copy.errors = [];
  copy.warnings = [];
  return copy;
}

const STAND_IN = '__shipshape_next__';
const HOLDER = '__shipshape_block__';
const isStandIn = (q: Pair | undefined): boolean =>
  !!q && isScalar(q.key) && q.key.value === STAND_IN && (q.value === null || (isScalar(q.value) && q.value.value === null && !q.value.comment));
const rootIndentOf = (text: string, pair: Pair) => (pair.key as Node).range![0] - lineStart(text, (pair.key as Node).range![0]);

interface ParsedEntry {
  entry: Pair;
  /** The stand-in for the key after the entry: its comment and blank-line flag are that key's. */
  next?: Pair;
  /** Add to the piece's offsets (and the entry's start in the file) to get the file's. */
  shift: number;
  /** The ranges, in the piece, of what ends with the entry: the block; at the end of the file also the top-level map and the document. */
  ends?: { block: readonly number[]; root?: readonly number[]; doc?: readonly number[] };
}

/** Parses one entry that another entry follows: followed by a stand-in for the next key, so that trailing comments and blank lines attach as they do in the whole document. */
function parseEntry(segment: string, indent: number): (ParsedEntry & { shift: 0 }) | undefined {
  const map = parsePiece(segment + `${' '.repeat(indent)}${STAND_IN}:\n`);
  if (!map || map.items.length !== 2) return bail(10);
  const [entry, next] = map.items as Pair[];
  if (!isScalar(entry.key) || !isStandIn(next)) return bail(11);
  if ((entry.key as Node).range![0] !== indent) return bail(12);
  return { entry, next, shift: 0 };
}

/**
 * Parses the block's last entry as it sits in the document: under a stand-in for the block's key, followed by a
 * stand-in for the next top-level key when there is one (at the end of the file: by nothing, and comments after it,
 * which belong to the document, make us bail).
 */
function parseLastEntry(segment: string, indent: number, rootIndent: number, followed: boolean): ParsedEntry | undefined {
  const head = `${' '.repeat(rootIndent)}${HOLDER}:\n`;
  const parsed = parsePiece(head + segment + (followed ? `${' '.repeat(rootIndent)}${STAND_IN}:\n` : ''), true);
  const map = parsed?.map;
  if (!map || map.items.length !== (followed ? 2 : 1)) return bail(10);
  const [holder, next] = map.items as Pair[];
  const inner = holder.value;
  if (!isScalar(holder.key) || holder.key.value !== HOLDER || !isMap(inner) || inner.flow || inner.items.length !== 1 || (inner as { comment?: string }).comment) return bail(11);
  if (followed && !isStandIn(next)) return bail(11);
  const entry = inner.items[0] as Pair;
  if (!isScalar(entry.key) || (entry.key as Node).range![0] !== head.length + indent) return bail(12);
  return { entry, next, shift: -head.length, ends: { block: inner.range!, root: followed ? undefined : map.range!, doc: followed ? undefined : parsed.doc.range } };
}

/** The block mapping a piece of text parses to (and its document), when it parses cleanly as one. */
function parsePiece(source: string, withDoc: true): { map: YAMLMap; doc: Document.Parsed } | undefined;
function parsePiece(source: string): YAMLMap | undefined;
function parsePiece(source: string, withDoc = false): YAMLMap | { map: YAMLMap; doc: Document.Parsed } | undefined {
  const parsed = parseAllDocuments(source, PARSE_OPTIONS);
  if (!Array.isArray(parsed) || parsed.length !== 1) return bail(8);
  const piece = parsed[0];
  if (piece.errors.length || piece.warnings.length || piece.commentBefore || piece.comment) return bail(9);
  const map = piece.contents;
  if (!isMap(map) || map.flow) return bail(10);
  return withDoc ? { map, doc: piece } : map;
}

/** A copy of a collection that ends after the edit: its start stays, its ends move (or are the given ones). */
function spine(node: YAMLMap, delta: number, ends?: readonly [number, number]): YAMLMap {
  const copy = shallow(node, true);
  if (node.range) copy.range = ends ? [node.range[0], ends[0], ends[1]] : [node.range[0], node.range[1] + delta, node.range[2] + delta];
  return copy;
}

function copyLeading(from: unknown, to: unknown): void {
  const src = from as { commentBefore?: string | null; spaceBefore?: boolean } | null;
  const dst = to as { commentBefore?: string | null; spaceBefore?: boolean } | null;
  if (!dst) return;
  if (src?.commentBefore) dst.commentBefore = src.commentBefore;
  else if (dst.commentBefore !== undefined) dst.commentBefore = undefined;
  if (src?.spaceBefore) dst.spaceBefore = true;
  else if (dst.spaceBefore !== undefined) dst.spaceBefore = undefined;
}

const shallow = <T extends object>(node: T, collection = false): T => copyYamlObject(node, collection);
