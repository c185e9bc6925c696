// Oversized Dockerfile instructions (> 128 KB) are left out with one info finding; the rest is still checked.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { limitInstructions, MAX_INSTRUCTION_CHARS, oversizedInstructions } from '../../../server/src/dockerfile/limits';
import { lint } from '../../helpers';
import { DF } from './check';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
/** About 1 MB: one huge single-line RUN, one huge continued RUN, one huge here-document, and normal lines. */
const HUGE_LINE = `RUN echo ${words(100_000)}`;
const HUGE_CONTINUED = ['RUN true \\', ...Array.from({ length: 12_000 }, (_, i) => `  && echo ${i} \\`), '  # a comment inside', '  && true'].join('\n');
const HUGE_HEREDOC = ['COPY <<EOF /etc/big.conf', ...Array.from({ length: 12_000 }, (_, i) => `key${i} = value ${i}`), 'EOF'].join('\n');
const TEXT = ['FROM debian:12', HUGE_LINE, 'RUN apt-get install curl', HUGE_CONTINUED, HUGE_HEREDOC, 'CMD node server.js', ''].join('\n');

describe('dockerfile limits: oversized instructions', () => {
  it('finds each instruction over the limit with its full extent, and nothing in normal files', () => {
    const found = oversizedInstructions(TEXT);
    assert.deepEqual(
      found.map((o) => TEXT.slice(o.start, o.end)),
      [HUGE_LINE, HUGE_CONTINUED, HUGE_HEREDOC],
    );
    assert.deepEqual(oversizedInstructions('FROM debian:12\nRUN echo hi\n'), []);
    assert.ok(found.every((o) => o.end - o.start > MAX_INSTRUCTION_CHARS));
  });

  it('blanks them keeping every line break and length, and reports one info finding on each keyword', () => {
    const limited = limitInstructions(TEXT);
    assert.equal(limited.text.length, TEXT.length);
    assert.equal(limited.text.split('\n').length, TEXT.split('\n').length);
    assert.deepEqual(limited.problems.map((p) => [p.ruleId, p.severity, p.range.start.line, p.range.start.character, p.range.end.character]), [
      ['shipshape/file-skipped', 'info', 1, 0, 3],
      ['shipshape/file-skipped', 'info', 3, 0, 3],
      ['shipshape/file-skipped', 'info', 12_006, 0, 4],
    ]);
    assert.match(limited.problems[0].message, /^Not checked: this instruction is \d+ KB long, more than the 128 KB limit/);
  });

  it('lints the rest of the file as usual', () => {
    const result = lint(DF, TEXT);
    const skipped = result.findings.filter((f) => f.ruleId === 'shipshape/file-skipped');
    assert.deepEqual(skipped.map((f) => [f.severity, f.range.start.line]), [
      ['info', 1],
      ['info', 3],
      ['info', 12_006],
    ]);
    // The ordinary RUN and CMD between and after them are still checked.
    const lines = (rule: string) => result.findings.filter((f) => f.ruleId === rule).map((f) => f.range.start.line);
    assert.deepEqual(lines('dockerfile/apt-get-yes'), [2]);
    assert.deepEqual(lines('dockerfile/json-args'), [24_008]);
    // Nothing is reported inside the blanked instructions.
    assert.ok(result.findings.every((f) => f.ruleId === 'shipshape/file-skipped' || [0, 2, 24_008].includes(f.range.start.line)));
  });

  it('honours the escape directive for continuation lines', () => {
    const text = ['# escape=`', 'FROM mcr.microsoft.com/windows', 'RUN echo a `', ...Array.from({ length: 20 }, () => '  b `'), '  c', 'CMD x'].join('\n');
    const [o] = oversizedInstructions(text, 50);
    assert.equal(text.slice(o.start, o.end).split('\n').length, 22);
  });
});
