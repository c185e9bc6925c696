// Pathological Dockerfiles: one instruction of hundreds of kilobytes (a generated RUN, a file inlined in a
// here-document) makes dockerfile-ast, the shell reader and ShellCheck take seconds. Such instructions are blanked
// (every character but line breaks turned into a space, so offsets and lines stay true) before the parse, and one
// info finding says that they were left out. Files without one are handed on untouched.
import type { Range, Report } from '../engine/types';
import { changedSpan } from '../engine/text-diff';

/** Instructions longer than this (in characters, here-document bodies included) are not checked. */
export const MAX_INSTRUCTION_CHARS = 128 * 1024;

export interface OversizedInstruction {
  /** Offsets of the instruction, end exclusive (its last line break excluded). */
  start: number;
  end: number;
  /** The instruction's keyword (where the finding goes). */
  keyword: Range;
}

const BLANK_OR_COMMENT = /^[ \t]*(#.*)?\r?$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

/** The escape character a `# escape=` parser directive sets (backslash otherwise). */
function escapeOf(lines: string[]): string {
  for (const line of lines) {
    const m = /^#\s*([A-Za-z]+)\s*=\s*(\S*)\s*$/.exec(line.replace(/\r$/, ''));
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) return m[2];
  }
  return '\\';
}

/** A line of the scan: its offset (-1 past the last line) and number. */
interface Cursor {
  off: number;
  line: number;
}

const lineEndOf = (text: string, off: number) => {
  const nl = text.indexOf('\n', off);
  return nl < 0 ? text.length : nl;
};
const nextLine = (text: string, c: Cursor, end = lineEndOf(text, c.off)): Cursor => (end < text.length ? { off: end + 1, line: c.line + 1 } : { off: -1, line: c.line + 1 });

/** The instruction starting at `first` (a line that is neither blank nor a comment): where the next line starts, and the instruction when it is too long. */
function scanInstruction(text: string, first: Cursor, escape: string, limit: number): { next: Cursor; oversized?: OversizedInstruction } {
  const continues = (line: string) => line.replace(/[ \t\r]+$/, '').endsWith(escape);
  const firstLine = text.slice(first.off, lineEndOf(text, first.off));
  const keyword = /^\s*(\S+)/.exec(firstLine)![1].toUpperCase();
  const heredocs = keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD' || keyword === 'ONBUILD';
  const pending: Array<{ word: string; strip: boolean }> = [];
  let j = first;
  let last = first;
  for (;;) {
    const end = lineEndOf(text, j.off);
    const line = text.slice(j.off, end);
    if (heredocs && line.includes('<<')) for (const m of line.matchAll(HEREDOC)) pending.push({ word: m[3], strip: m[1] === '-' });
    last = j;
    j = nextLine(text, j, end);
    if (!continues(line)) break;
    while (j.off >= 0 && BLANK_OR_COMMENT.test(text.slice(j.off, lineEndOf(text, j.off)))) {
      last = j;
      j = nextLine(text, j);
    }
    if (j.off < 0) break;
  }
  for (const h of pending) {
    while (j.off >= 0) {
      const end = lineEndOf(text, j.off);
      let line = text.slice(j.off, end).replace(/\r$/, '');
      last = j;
      j = nextLine(text, j, end);
      if (h.strip) line = line.replace(/^\t+/, '');
      if (line === h.word) break;
    }
  }
  const start = first.off + /^\s*/.exec(firstLine)![0].length;
  const end = last.off + text.slice(last.off, lineEndOf(text, last.off)).replace(/\r$/, '').length;
  if (end - start <= limit) return { next: j };
  const column = start - first.off;
  return { next: j, oversized: { start, end, keyword: { start: { line: first.line, character: column }, end: { line: first.line, character: column + keyword.length } } } };
}

interface Scan {
  /** Where each instruction starts (the scan is in the same state at each: between instructions). */
  starts: Cursor[];
  oversized: OversizedInstruction[];
  /** The scan from `from` stopped at an instruction start for which `stop` said so (undefined: at the end). */
  stoppedAt?: Cursor;
}

function scan(text: string, from: Cursor, escape: string, limit: number, stop?: (c: Cursor) => boolean): Scan {
  const out: Scan = { starts: [], oversized: [] };
  let c = from;
  while (c.off >= 0) {
    const end = lineEndOf(text, c.off);
    if (BLANK_OR_COMMENT.test(text.slice(c.off, end))) {
      c = nextLine(text, c, end);
      continue;
    }
    if (stop?.(c)) {
      out.stoppedAt = c;
      return out;
    }
    out.starts.push(c);
    const found = scanInstruction(text, c, escape, limit);
    if (found.oversized) out.oversized.push(found.oversized);
    c = found.next;
  }
  return out;
}

/** Where the lines that may set the escape character end (the parser directives and the line after them). */
function directivesEnd(text: string): number {
  let off = 0;
  while (off < text.length) {
    const end = lineEndOf(text, off);
    const matches = /^#\s*([A-Za-z]+)\s*=\s*(\S*)\s*$/.test(text.slice(off, end).replace(/\r$/, ''));
    off = end + 1;
    if (!matches) break;
  }
  return off;
}

/**
 * Instructions longer than `limit` characters, found with a light line scan (continuation lines, the comment and
 * empty lines inside them, here-document bodies of RUN/COPY/ADD). Only called on texts longer than the limit.
 */
export function oversizedInstructions(text: string, limit = MAX_INSTRUCTION_CHARS): OversizedInstruction[] {
  if (text.length <= limit) return [];
  return scan(text, { off: 0, line: 0 }, escapeOf(text.split('\n')), limit).oversized;
}

/** The scan of the previous version of recent files (by path), to scan only the changed instructions of the next. */
const scansBefore = new Map<string, { text: string; limit: number; escape: string; starts: Cursor[]; oversized: OversizedInstruction[] }>();

/**
 * `oversizedInstructions`, rescanning from the instruction where the text changed since the previous version of the
 * file to the first unchanged instruction start after the change, from where the scan is the previous one, moved.
 */
function oversizedIncrementally(text: string, limit: number, key: string): OversizedInstruction[] {
  const prev = scansBefore.get(key);
  scansBefore.delete(key);
  if (text.length <= limit) return [];
  let escape: string;
  let result: Scan & { starts: Cursor[] };
  const span = prev ? changedSpan(prev.text, text) : undefined;
  const a = span?.prefix ?? 0;
  if (!prev || prev.limit !== limit || a < directivesEnd(text) || a < directivesEnd(prev.text)) {
    escape = escapeOf(text.split('\n'));
    result = scan(text, { off: 0, line: 0 }, escape, limit);
  } else {
    escape = prev.escape;
    const same = span!.suffix;
    const bNew = text.length - same;
    const delta = text.length - prev.text.length;
    // Restart at the last instruction that starts on or before the changed line (the scan is between instructions there).
    const lineStart = text.lastIndexOf('\n', a - 1) + 1;
    let i = -1;
    for (let lo = 0, hi = prev.starts.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (prev.starts[mid].off <= lineStart) (i = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    const from = i < 0 ? { off: 0, line: 0 } : prev.starts[i];
    const oldIndex = (off: number) => {
      for (let lo = 0, hi = prev.starts.length - 1; lo <= hi; ) {
        const mid = (lo + hi) >> 1;
        if (prev.starts[mid].off === off) return mid;
        if (prev.starts[mid].off < off) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    };
    const middle = scan(text, from, escape, limit, (c) => c.off >= bNew && oldIndex(c.off - delta) >= 0);
    const starts = [...prev.starts.slice(0, Math.max(i, 0)), ...middle.starts];
    const oversized = [...prev.oversized.filter((o) => o.start < from.off), ...middle.oversized];
    if (middle.stoppedAt) {
      const k = oldIndex(middle.stoppedAt.off - delta);
      const oldOff = prev.starts[k].off;
      const lineDelta = middle.stoppedAt.line - prev.starts[k].line;
      for (let n = k; n < prev.starts.length; n++) starts.push({ off: prev.starts[n].off + delta, line: prev.starts[n].line + lineDelta });
      for (const o of prev.oversized) {
        if (o.start < oldOff) continue;
        const move = (p: { line: number; character: number }) => ({ line: p.line + lineDelta, character: p.character });
        oversized.push({ start: o.start + delta, end: o.end + delta, keyword: { start: move(o.keyword.start), end: move(o.keyword.end) } });
      }
    }
    result = { starts, oversized };
  }
  scansBefore.set(key, { text, limit, escape, starts: result.starts, oversized: result.oversized });
  if (scansBefore.size > 8) scansBefore.delete(scansBefore.keys().next().value!);
  return result.oversized;
}

/** Forgets the kept scans. */
export function clearLimitCache(): void {
  scansBefore.clear();
}

/**
 * The text with oversized instructions blanked, and one finding per blanked instruction. `key` (the file's path):
 * the next version of the file is scanned from where it changed only.
 */
export function limitInstructions(text: string, limit = MAX_INSTRUCTION_CHARS, key?: string): { text: string; problems: Array<Report & { ruleId: string }> } {
  const oversized = key === undefined ? oversizedInstructions(text, limit) : oversizedIncrementally(text, limit, key);
  if (!oversized.length) return { text, problems: [] };
  let out = '';
  let last = 0;
  for (const o of oversized) {
    out += text.slice(last, o.start) + text.slice(o.start, o.end).replace(/[^\r\n]/g, ' ');
    last = o.end;
  }
  out += text.slice(last);
  const problems = oversized.map((o) => ({
    ruleId: 'shipshape/file-skipped',
    severity: 'info' as const,
    range: o.keyword,
    message: `Not checked: this instruction is ${Math.round((o.end - o.start) / 1024)} KB long, more than the ${Math.round(limit / 1024)} KB limit; the rest of the file is checked without it.`,
  }));
  return { text: out, problems };
}
