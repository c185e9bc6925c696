import { changedSpan } from './text-diff';
import type { Position, Range, TextEdit } from './types';

let lastIndex: LineIndex | undefined;
/** Below this size scanning the whole text is as quick as finding what changed. */
const DERIVE_MIN_CHARS = 4096;

/** Index of the last line start at or before `offset`. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts between string offsets and LSP positions for one text. Built once per document version. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string, lineStarts?: number[]) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of a text, shared with the last caller that asked for the same text (the engine and a parser both need
   * it). While typing, the previous call was for the previous version: its lines around the edit are carried over.
   */
  static of(text: string): LineIndex {
    const last = lastIndex;
    if (last?.text === text) return last;
    lastIndex = last && text.length >= DERIVE_MIN_CHARS && last.text.length >= DERIVE_MIN_CHARS ? LineIndex.derived(last, text) : new LineIndex(text);
    return lastIndex;
  }

  /**
   * The index of `text` made from the index of another text (`prev`, typically the version before an edit): line
   * starts before the changed span are kept, the span is scanned again, and those after it are moved by the change in
   * length. Same result as `new LineIndex(text)` whatever the two texts are (test/unit/engine/text.test.ts).
   */
  static derived(prev: LineIndex, text: string): LineIndex {
    const old = prev.text;
    const { prefix: a, suffix: s } = changedSpan(old, text);
    const delta = text.length - old.length;
    const starts = prev.lineStarts;
    // Keep the starts up to that of the line holding the character before the change: a \r just before the change
    // may now be followed by \n (or no longer be), which moves the start after it.
    const from = starts[lineOf(starts, Math.max(0, a - 1))];
    let k = 0;
    while (k < starts.length && starts[k] <= from) k++;
    const out = starts.slice(0, k);
    // Scan past the change by one character, so a break that straddles its end is seen whole.
    const stop = Math.min(text.length, text.length - s + 1);
    let i = from;
    for (; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) out.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        out.push(i + 1);
      }
    }
    // Starts after the scanned part follow breaks in the unchanged end of the text.
    const oldPos = i - delta;
    for (let j = lineOf(starts, oldPos) + 1; j < starts.length; j++) if (starts[j] > oldPos) out.push(starts[j] + delta);
    return new LineIndex(text, out);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.lineStarts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line] ?? this.text.length, this.lineEnd(line));
  }

  /** The line break the file uses (first one found), `\n` by default. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text[i - 1] === '\r' ? '\r\n' : '\n';
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Applies non-overlapping edits to a text. Overlapping edits (after the first of a pair) are dropped and
 * returned so that callers can retry them on the next pass.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; skipped: TextEdit[] } {
  const index = new LineIndex(text);
  const withOffsets = edits
    .map((e, order) => ({ e, order, start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const kept: typeof withOffsets = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const item of withOffsets) {
    // Two insertions at the same point are fine; an edit starting inside a previous one is not.
    if (item.start < lastEnd) {
      skipped.push(item.e);
      continue;
    }
    kept.push(item);
    lastEnd = Math.max(lastEnd, item.end);
  }
  let out = '';
  let cursor = 0;
  for (const item of kept) {
    out += text.slice(cursor, item.start) + item.e.newText;
    cursor = item.end;
  }
  out += text.slice(cursor);
  return { text: out, skipped };
}
