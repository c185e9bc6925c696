// A line index made from the previous version's (LineIndex.derived) must equal one made from scratch, for any edit:
// line breaks \n, \r\n and lone \r created, split or joined at the edges of the change.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/engine/text';

const piece = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '\n\r'), maxLength: 40 });

describe('line index derived from the previous version', () => {
  it('equals a fresh index after any edit', () => {
    fc.assert(
      fc.property(piece, fc.nat(), fc.nat(6), piece, (base, at, del, ins) => {
        const p = at % (base.length + 1);
        const text = base.slice(0, p) + ins + base.slice(p + del);
        assert.deepEqual(LineIndex.derived(new LineIndex(base), text).lineStarts, new LineIndex(text).lineStarts, JSON.stringify([base, text]));
      }),
      { numRuns: 5000, seed: 5 },
    );
  });

  it('equals a fresh index for unrelated texts, and through LineIndex.of on a typing session', () => {
    fc.assert(
      fc.property(piece, piece, (x, y) => assert.deepEqual(LineIndex.derived(new LineIndex(x), y).lineStarts, new LineIndex(y).lineStarts)),
      { numRuns: 2000, seed: 9 },
    );
    let text = 'FROM debian:12\r\nRUN echo a\n'.repeat(400);
    for (const [at, ins] of [[100, 'x'], [101, '\r'], [102, '\n'], [5000, '\r\n\r\n'], [text.length, '\n'], [0, '# c\n']] as const) {
      text = text.slice(0, at) + ins + text.slice(at);
      assert.deepEqual(LineIndex.of(text).lineStarts, new LineIndex(text).lineStarts);
    }
  });
});
