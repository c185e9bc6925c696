// Where the `---` documents of a multi-document YAML text start, found again after an edit from the previous version's
// answer: markers before the changed span stay, those after it move by the change in length, and only the lines
// around the change are scanned. On a 5,000-line manifest a whole scan per keystroke (done twice: for the parse and
// for the parts) was a measurable share of an edit.
import { changedSpan } from '../engine/text-diff';

/** Below this size a whole scan is as quick as finding what changed. */
const DERIVE_MIN_CHARS = 8 * 1024;

interface Scan {
  text: string;
  /** Offsets of the `---` markers at line starts (after offset 0), or undefined: a directive or `...` line. */
  markers: number[] | undefined;
}

let last: Scan | undefined;

const MARKER = /^---(?=[ \t\r\n]|$)/gm;
const DIRECTIVE_OR_END = /^(?:%|\.\.\.)/m;

function scan(text: string, from = 0, to = text.length): number[] | undefined {
  const part = text.slice(from, to);
  if (DIRECTIVE_OR_END.test(part)) return undefined;
  const out: number[] = [];
  for (const m of part.matchAll(MARKER)) if (m.index! + from > 0) out.push(m.index! + from);
  return out;
}

/** The start of the line holding `offset` (JavaScript's `^` with the m flag starts a line after \n, \r, U+2028, U+2029). */
function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
    i--;
  }
  return i;
}

/** The end of the line holding `offset` (the offset of its line break, or the text's end). */
function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
    i++;
  }
  return i;
}

/** The markers of `text` from those of `prev` (another version of it, typically the one before an edit). */
function derived(prev: Scan & { markers: number[] }, text: string): number[] | undefined {
  const old = prev.text;
  const { prefix: a, suffix: s } = changedSpan(old, text);
  const delta = text.length - old.length;
  // Scan the whole lines of the new text the change touches (a removed line break joins two of them), and one more
  // character: a marker needs the character after `---`.
  const from = lineStart(text, a);
  const changedEnd = text.length - s;
  const to = Math.min(text.length, lineEnd(text, Math.min(text.length, changedEnd + 1)) + 1);
  const middle = scan(text, from, to);
  if (!middle) return undefined;
  const oldTo = to - delta;
  const out = prev.markers.filter((m) => m < from);
  out.push(...middle);
  for (const m of prev.markers) if (m >= oldTo) out.push(m + delta);
  return out;
}

/** The `---` markers of a text (see `scan`), from the previous call's answer when the texts are long. */
export function documentMarkers(text: string): number[] | undefined {
  if (last?.text === text) return last.markers;
  let markers: number[] | undefined;
  // (A directive or `...` line in the changed lines is one in the text: derived() says undefined too.)
  if (last?.markers && text.length >= DERIVE_MIN_CHARS && last.text.length >= DERIVE_MIN_CHARS) markers = derived(last as Scan & { markers: number[] }, text);
  else markers = scan(text);
  last = { text, markers };
  return markers;
}
