// The changed span of two texts, found by comparing slices, is the one a character loop finds.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { commonPrefix, commonSuffix } from '../../../server/src/engine/text-diff';

function loopPrefix(x: string, y: string): number {
  let a = 0;
  while (a < Math.min(x.length, y.length) && x.charCodeAt(a) === y.charCodeAt(a)) a++;
  return a;
}

function loopSuffix(x: string, y: string, max: number): number {
  let s = 0;
  while (s < Math.min(max, x.length, y.length) && x.charCodeAt(x.length - 1 - s) === y.charCodeAt(y.length - 1 - s)) s++;
  return s;
}

describe('text diff', () => {
  it('finds the common prefix and suffix a character loop finds', () => {
    let seed = 3;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 2000; round++) {
      const base = Array.from({ length: rand(60) }, () => 'ab\n'[rand(3)]).join('');
      const at = rand(base.length + 1);
      const other = base.slice(0, at) + Array.from({ length: rand(4) }, () => 'abx\n'[rand(4)]).join('') + base.slice(Math.min(base.length, at + rand(4)));
      const a = commonPrefix(base, other);
      assert.equal(a, loopPrefix(base, other), JSON.stringify([base, other]));
      const max = Math.min(base.length, other.length) - a;
      assert.equal(commonSuffix(base, other, max), loopSuffix(base, other, max), JSON.stringify([base, other]));
    }
    assert.equal(commonPrefix('', 'abc'), 0);
    assert.equal(commonSuffix('abc', 'abc', 3), 3);
  });
});
