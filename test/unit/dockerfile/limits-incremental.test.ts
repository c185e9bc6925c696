// The oversized-instruction scan, resumed from the changed instruction on each version of a file, must find exactly
// what a scan of the whole text finds (and what the line scan it replaced found): random edits, a tiny limit.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { limitInstructions, oversizedInstructions, type OversizedInstruction } from '../../../server/src/dockerfile/limits';
import { randomEdit, rng } from './random-edits';

const BLANK_OR_COMMENT = /^[ \t]*(#.*)?\r?$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
function escapeOf(lines: string[]): string {
  for (const line of lines) {
    const m = /^#\s*([A-Za-z]+)\s*=\s*(\S*)\s*$/.exec(line.replace(/\r$/, ''));
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) return m[2];
  }
  return '\\';
}

/** The scan as it was before it could resume (lines split up front). */
function reference(text: string, limit: number): OversizedInstruction[] {
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


const BASE = [
  '# escape=\\',
  'FROM debian:12 AS build',
  'RUN apt-get update && \\',
  '    # a comment inside',
  '',
  '    apt-get install -y curl git make gcc && rm -rf /var/lib/apt/lists/*',
  'COPY <<EOF /etc/app.conf',
  'key = value',
  'other = value',
  'EOF',
  'RUN <<-END cat > /x',
  '\tline one',
  '\tEND',
  'ENV A=1 \\',
  '    B=2 \\\r',
  '    C=3',
  'ONBUILD RUN <<X',
  'x',
  'X',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

const SNIPPETS = ['x', ' ', '\n', '\\', ' \\\n', '#', '# c\n', '<<EOF\n', 'EOF\n', '<<-T ', '\tT\n', 'RUN echo hi\n', '\r\n', 'aaaaaaaaaaaaaaaaaaaa', '# escape=`\n', '`\n'];

const edit = (text: string, r: () => number) => randomEdit(text, r, SNIPPETS, { insert: 0.6, delete: 0.4, maxDelete: 8 });

describe('dockerfile limits: the scan resumed where a file changed', () => {
  it('finds what the whole-text scans find after each of many random edits', () => {
    let found = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      const key = `/limits/${seed}/Dockerfile`;
      let text = BASE;
      limitInstructions(text, 40, key);
      for (let step = 0; step < 40; step++) {
        text = edit(text, r);
        const expected = oversizedInstructions(text, 40);
        assert.deepEqual(expected, reference(text, 40), `whole-text scan, seed ${seed}, step ${step}: ${JSON.stringify(text)}`);
        assert.deepEqual(limitInstructions(text, 40, key), limitInstructions(text, 40), `seed ${seed}, step ${step}: ${JSON.stringify(text)}`);
        found += expected.length;
      }
    }
    assert.ok(found > 500, `only ${found} oversized instructions met`);
  });
});
