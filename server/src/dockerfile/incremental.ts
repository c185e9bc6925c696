// Incremental Dockerfile parse: while typing, an edit changes one instruction or a few. The previous parse of the
// same file is kept; on the next version only the instructions around the changed text are parsed again, and the
// instructions (and comments) before and after it are reused: shared with the previous tree (their document
// references moved to the new text) or, after an edit that adds or removes lines, copied with their lines shifted.
// The result is a dockerfile-ast tree built exactly as a full parse builds it (same classes, same order, same
// ranges); any doubt (parser directives touched, an instruction that now runs on into the reused part, a line break
// at an odd place) falls back to the full parse.
import { DockerfileParser, type Comment, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { Dockerfile as DockerfileClass } from 'dockerfile-ast/lib/dockerfile';
import { Parser } from 'dockerfile-ast/lib/parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clearShellCache } from './run-model';
import { changedSpan } from '../engine/text-diff';
import { LineIndex } from '../engine/text';
import { clearValidationCache } from './validate';
import { clearLimitCache } from './limits';

interface ParserInternals {
  document: TextDocument;
  buffer: string;
  escapeChar: string;
  getParserDirectives(document: TextDocument, buffer: string): unknown[];
  processInstruction(dockerfile: Dockerfile, char: string, start: number): number;
  processComment(dockerfile: Dockerfile, start: number): number;
}

interface DockerfileInternals {
  document: TextDocument;
  setDirectives(directives: unknown[]): void;
  addInstruction(instruction: Instruction): void;
  addComment(comment: Comment): void;
  organizeComments(): void;
}

const isDocument = (v: object): boolean => {
  const d = v as Partial<TextDocument>;
  return typeof d.getText === 'function' && typeof d.offsetAt === 'function' && typeof d.positionAt === 'function' && typeof d.lineCount === 'number';
};

const documentOf = (ast: Dockerfile) => (ast as unknown as DockerfileInternals).document;

/**
 * Copies a node of the old tree for the new one, every position moved by `lineDelta` lines: `document` and
 * `dockerfile` references go to the new ones. Shared sub-objects stay shared (one copy each).
 */
function copier(oldDoc: TextDocument, newDoc: TextDocument, oldAst: Dockerfile, newAst: Dockerfile, lineDelta: number): (node: object) => object {
  const seen = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    // Parts copied without a line shift earlier may still hold an older document (or tree): any one becomes the new.
    if (value === oldDoc || isDocument(value)) return newDoc;
    if (value === oldAst || value instanceof DockerfileClass) return newAst;
    // Shared positions stay shared: the parser shares them between ranges, and the validator relies on it.
    const done = seen.get(value);
    if (done !== undefined) return done;
    const proto = Object.getPrototypeOf(value);
    const v = value as Record<string | symbol, unknown>;
    if (proto === Object.prototype && typeof v.line === 'number' && typeof v.character === 'number') {
      const moved = { line: v.line + lineDelta, character: v.character };
      seen.set(value, moved);
      return moved;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(copy(item));
      return out;
    }
    const out = Object.create(proto) as Record<string | symbol, unknown>;
    seen.set(value, out);
    for (const key of Reflect.ownKeys(v)) out[key] = copy(v[key]);
    return out;
  };
  return copy as (node: object) => object;
}

/**
 * Adds the documents an instruction's parts hold: dockerfile-ast makes the properties of ENV, LABEL and ARG (ARG:
 * `properties` and `property`, each when first read) and keeps them, each with the document it was read from;
 * everything else is made per read.
 */
function addHeldDocuments(node: object, to: Set<TextDocument>): void {
  const n = node as { properties?: { document?: TextDocument }[]; property?: { document?: TextDocument } | null };
  const fromList = n.properties?.[0]?.document;
  if (fromList) to.add(fromList);
  const fromOne = n.property?.document;
  if (fromOne) to.add(fromOne);
}

/**
 * At most this many earlier documents (texts of earlier versions) are kept alive by one tree; past that, a full
 * parse. Typing in one place keeps one or two; edits all over a long session would otherwise keep a text per version.
 */
const MAX_HELD_DOCUMENTS = 12;

/**
 * The document with its line offsets taken from the engine's line index of the same text (derived from the previous
 * version's, engine/text.ts) instead of scanning the whole text again when the parser first asks. Both are the line
 * start offsets, and neither is ever changed once made.
 */
function withLineOffsets(doc: TextDocument, text: string): TextDocument {
  const d = doc as unknown as { _lineOffsets?: number[] };
  if ('_lineOffsets' in d && d._lineOffsets === undefined) d._lineOffsets = LineIndex.of(text).lineStarts;
  return doc;
}

/** A parse of `text` that reuses what it can of `prev` (a parse of `prevText`); undefined when it cannot. */
export function reparse(prevText: string, prev: Dockerfile, text: string): Dockerfile | undefined {
  if (prevText === text) return prev; // one tree can serve two models of the same text
  const oldDoc = documentOf(prev);
  if (!oldDoc || oldDoc.getText() !== prevText) return undefined;
  // The changed span: [a, bOld) in the old text became [a, bNew) in the new one.
  const { prefix: a, suffix: same } = changedSpan(prevText, text);
  const bOld = prevText.length - same;
  const delta = text.length - prevText.length;
  if (a === 0) return undefined; // a byte-order mark, or the first line: the directive block
  const doc = withLineOffsets(TextDocument.create('', '', 0, text), text);
  const parser = new Parser() as unknown as ParserInternals;
  parser.document = doc;
  parser.buffer = text;
  const directives = parser.getParserDirectives(doc, text);
  const lineA = oldDoc.positionAt(a).line;
  // An edit in or right after the parser directives may change them (and the escape character): parse it all.
  if (lineA <= Math.max(directives.length, prev.getDirectives().length)) return undefined;

  const lineStart = oldDoc.offsetAt({ line: lineA, character: 0 });
  const lineB = oldDoc.positionAt(bOld).line;
  const nl = prevText.indexOf('\n', oldDoc.offsetAt({ line: lineB, character: 0 }));
  const lineBEnd = nl < 0 ? prevText.length : nl;
  const instructions = prev.getInstructions();
  const startOf = (node: { getRange(): { start: { line: number; character: number } } }) => oldDoc.offsetAt(node.getRange().start);
  const endOf = (node: { getRange(): { end: { line: number; character: number } } }) => oldDoc.offsetAt(node.getRange().end);
  // Reused before the edit: instructions that end on an earlier line. After it: instructions that start on a later
  // line than the last changed one.
  let k = 0;
  while (k < instructions.length && endOf(instructions[k]) < lineStart) k++;
  const regionStart = k < instructions.length ? Math.min(lineStart, startOf(instructions[k])) : lineStart;
  let m = k;
  while (m < instructions.length && startOf(instructions[m]) <= lineBEnd) m++;
  if (regionStart > a || (m < instructions.length && startOf(instructions[m]) < bOld)) return undefined;

  const ast = new DockerfileClass(doc) as unknown as Dockerfile & DockerfileInternals;
  if (directives.length) ast.setDirectives(directives);
  parser.escapeChar = ast.getEscapeCharacter();
  if (parser.escapeChar !== prev.getEscapeCharacter()) return undefined;

  // Nodes on lines that do not move are shared with the old tree: once nothing can fail any more, their `document`
  // and `dockerfile` references are moved to the new ones. The old tree then reads the new document, which has the
  // same characters at every range of those nodes (only stale readers of the old tree see the new one).
  const comments = prev.getComments();
  const shared: Record<string, unknown>[] = [];
  const held = new Set<TextDocument>();
  const before = <T extends object>(node: T): T => {
    shared.push(node as unknown as Record<string, unknown>);
    addHeldDocuments(node, held);
    return node;
  };
  for (let i = 0; i < k; i++) ast.addInstruction(before(instructions[i]));
  for (const c of comments) if (endOf(c) < regionStart) ast.addComment(before(c));

  // The changed instructions, parsed as the full parse would, from where the reused ones stop. When one runs on into
  // the instructions after (a new line continuation, a here-document), those are parsed again too, up to the first
  // old instruction the parse reaches between two instructions: from there on the text and the parse are the same.
  let suffixStart = m < instructions.length ? startOf(instructions[m]) : prevText.length;
  let regionEnd = suffixStart + delta;
  for (let i = regionStart; i < regionEnd; i++) {
    const char = text.charAt(i);
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') continue;
    i = char === '#' ? parser.processComment(ast, i) : parser.processInstruction(ast, char, i);
    while (m < instructions.length && i >= regionEnd) {
      m++;
      suffixStart = m < instructions.length ? startOf(instructions[m]) : prevText.length;
      regionEnd = suffixStart + delta;
    }
  }

  let lineDelta = 0;
  if (m < instructions.length) {
    const was = oldDoc.positionAt(suffixStart);
    const now = doc.positionAt(regionEnd);
    if (was.character !== now.character) return undefined;
    lineDelta = now.line - was.line;
  }
  // With a line shift the nodes are copied, every document reference moved to the new document.
  const after = lineDelta === 0 ? before : copier(oldDoc, doc, prev, ast, lineDelta);
  for (let i = m; i < instructions.length; i++) ast.addInstruction(after(instructions[i]) as Instruction);
  for (const c of comments) if (startOf(c) >= suffixStart) ast.addComment(after(c) as Comment);
  if (held.size > MAX_HELD_DOCUMENTS) return undefined;
  for (const node of shared) {
    if (node.document === oldDoc) node.document = doc;
    if (node.dockerfile === prev) node.dockerfile = ast;
  }
  ast.organizeComments();
  return ast;
}

/** The last parse of each recently parsed file (by path), to parse the next version of it incrementally. */
const recent = new Map<string, { text: string; ast: Dockerfile }>();
const KEEP = 8;

/** Parses a Dockerfile, incrementally when the previous version of the same file (`key`) was parsed here. */
export function parseDockerfile(text: string, key?: string): Dockerfile {
  const prev = key === undefined ? undefined : recent.get(key);
  let ast: Dockerfile | undefined;
  if (prev) {
    try {
      ast = reparse(prev.text, prev.ast, text);
    } catch {
      ast = undefined;
    }
  }
  ast ??= DockerfileParser.parse(text);
  if (key !== undefined) {
    recent.delete(key);
    recent.set(key, { text, ast });
    if (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  }
  return ast;
}

/** Forgets the kept parses and RUN shell parses (benchmarks measure cold parses with it). */
export function clearDockerfileParseCache(): void {
  recent.clear();
  clearShellCache();
  clearValidationCache();
  clearLimitCache();
}
