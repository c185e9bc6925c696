// Pathological Dockerfiles: one instruction of hundreds of kilobytes (a generated RUN, a file inlined in a
// here-document) makes dockerfile-ast, the shell reader and ShellCheck take seconds. Such instructions are blanked
// (every character but line breaks turned into a space, so offsets and lines stay true) before the parse, and one
// info finding says that they were left out. Files without one are handed on untouched.
import type { Range, Report } from '../engine/types';

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

/**
 * Instructions longer than `limit` characters, found with a light line scan (continuation lines, the comment and
 * empty lines inside them, here-document bodies of RUN/COPY/ADD). Only called on texts longer than the limit.
 */
export function oversizedInstructions(text: string, limit = MAX_INSTRUCTION_CHARS): OversizedInstruction[] {
  if (text.length <= limit) return [];
  const lines = text.split('\n');
  const lineStart: number[] = new Array(lines.length);
  for (let k = 0, offset = 0; k < lines.length; k++) {
    lineStart[k] = offset;
    offset += lines[k].length + 1;
  }
  const escape = escapeOf(lines);
  const continues = (line: string) => {
    const trimmed = line.replace(/[ \t\r]+$/, '');
    return trimmed.endsWith(escape);
  };
  const out: OversizedInstruction[] = [];
  let k = 0;
  while (k < lines.length) {
    if (BLANK_OR_COMMENT.test(lines[k])) {
      k++;
      continue;
    }
    const first = k;
    const keyword = /^\s*(\S+)/.exec(lines[k])![1].toUpperCase();
    const heredocs = keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD' || keyword === 'ONBUILD';
    const pending: Array<{ word: string; strip: boolean }> = [];
    let j = k;
    for (;;) {
      const line = lines[j];
      if (heredocs && line.includes('<<')) for (const m of line.matchAll(HEREDOC)) pending.push({ word: m[3], strip: m[1] === '-' });
      j++;
      if (!continues(line)) break;
      while (j < lines.length && BLANK_OR_COMMENT.test(lines[j])) j++;
      if (j >= lines.length) break;
    }
    for (const h of pending) {
      while (j < lines.length) {
        let line = lines[j++].replace(/\r$/, '');
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.word) break;
      }
    }
    const last = j - 1;
    const start = lineStart[first] + /^\s*/.exec(lines[first])![0].length;
    const end = lineStart[last] + lines[last].replace(/\r$/, '').length;
    if (end - start > limit) {
      const column = start - lineStart[first];
      out.push({ start, end, keyword: { start: { line: first, character: column }, end: { line: first, character: column + keyword.length } } });
    }
    k = j;
  }
  return out;
}

/** The text with oversized instructions blanked, and one finding per blanked instruction. */
export function limitInstructions(text: string, limit = MAX_INSTRUCTION_CHARS): { text: string; problems: Array<Report & { ruleId: string }> } {
  const oversized = oversizedInstructions(text, limit);
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
