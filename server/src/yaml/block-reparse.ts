// Incremental parsing of one large YAML document whose bulk is a block mapping under a top-level key (a workflow's
// `jobs:`): after an edit that lies inside one entry of that mapping (one job), only that entry's text is parsed again
// and spliced into the previous version's tree; the entries before it are shared as they are (parsed nodes are never
// mutated) and the ones after it are cloned with their ranges moved. Anything unusual (syntax errors or warnings,
// anchors or aliases, directives, several documents, an edit reaching outside one entry or into the last one, an
// entry whose re-parse is not exactly one pair, a new key that repeats another) takes a whole parse instead.
// The result equals a whole parse, ranges, comments and blank-line flags included
// (test/unit/actions/workflow-incremental.test.ts checks it on random edits).
import { cloneShiftedNode, copyYamlObject, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseYaml, type YamlFile } from './yaml';
import { parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineIndex } from '../engine/text';

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

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
  const min = Math.min(old.length, text.length);
  let p = 0;
  while (p < min && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < min - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = old.length - s;
  const delta = text.length - old.length;

  // The entry whose lines hold the edit: from its key's line to the next key's line (the last entry is never
  // re-parsed alone: what follows it is not an entry at the same indentation).
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
  if (i < 0) return bail(6);
  const oldPair = block.items[i] as Pair;
  const nextPair = block.items[i + 1] as Pair;
  const from = lineStart(old, keyStart(oldPair)!);
  const oldTo = lineStart(old, keyStart(nextPair)!);
  const to = oldTo + delta;
  const segment = text.slice(from, to);
  if (!segment.endsWith('\n') || /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/m.test(segment)) return bail(7);

  // The entry is parsed followed by a stand-in for the next key, so that trailing comments and blank lines attach
  // as they do in the whole document; the stand-in's own comment and blank-line flag go to the real next key.
  const standIn = `${' '.repeat(indent)}__shipshape_next__:\n`;
  const parsed = parseAllDocuments(segment + standIn, PARSE_OPTIONS);
  if (!Array.isArray(parsed) || parsed.length !== 1) return bail(8);
  const piece = parsed[0];
  if (piece.errors.length || piece.warnings.length || piece.commentBefore || piece.comment) return bail(9);
  const map = piece.contents;
  if (!isMap(map) || map.flow || map.items.length !== 2) return bail(10);
  const [entry, next] = map.items as Pair[];
  if (!isScalar(entry.key) || !isScalar(next.key) || next.key.value !== '__shipshape_next__' || (next.value !== null && !(isScalar(next.value) && next.value.value === null && !next.value.comment))) return bail(11);
  if (keyStart(entry) !== indent || hasAnchors(entry)) return bail(12);
  if (block.items.some((q, k) => k !== i && isScalar(q.key) && q.key.value === (entry.key as { value: unknown }).value)) return bail(13);

  const newEntry = cloneShiftedNode(entry, from) as Pair;
  // What the lines before the entry gave its key stays as it was.
  copyLeading(oldPair.key, newEntry.key);
  const newNext = cloneShiftedNode(nextPair, delta) as Pair;
  copyLeading(next.key, newNext.key);

  const items = block.items.slice() as Pair[];
  items[i] = newEntry;
  items[i + 1] = newNext;
  for (let k = i + 2; k < items.length; k++) items[k] = cloneShiftedNode(items[k], delta) as Pair;
  const newBlock = spine(block, delta);
  newBlock.items = items;
  const newBlockPair = shallow(blockPair);
  newBlockPair.value = newBlock as typeof blockPair.value;
  const rootItems = root.items.slice();
  rootItems[blockIndex] = newBlockPair as (typeof rootItems)[number];
  for (let k = blockIndex + 1; k < rootItems.length; k++) rootItems[k] = cloneShiftedNode(rootItems[k], delta) as (typeof rootItems)[number];
  const newRoot = spine(root, delta);
  newRoot.items = rootItems;
  const copy = shallow(doc);
  copy.contents = newRoot as typeof doc.contents;
  copy.range = [doc.range[0], doc.range[1] + delta, doc.range[2] + delta];
  copy.errors = [];
  copy.warnings = [];
  return copy;
}

/** A copy of a collection that ends after the edit: its start stays, its ends move. */
function spine(node: YAMLMap, delta: number): YAMLMap {
  const copy = shallow(node, true);
  if (node.range) copy.range = [node.range[0], node.range[1] + delta, node.range[2] + delta];
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
