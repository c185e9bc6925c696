// The server caps V8's young generation after each lint (lsp/memory.ts): with many documents open, a full-size young
// generation was 32 MB of the peak RSS. Each case runs in a fresh process: the test runner's own heap has grown already.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const MEMORY = path.join(__dirname, '../../../server/src/lsp/memory.js');

/**
 * Allocates like a burst of lints (mostly short-lived objects, some kept), calling `afterLint` between "lints" when
 * asked; prints the largest young-generation size seen and the cap.
 */
function youngGenerationAfterBurst(withHook: boolean): { max: number; cap: number } {
  const script = `
    const memory = require(${JSON.stringify(MEMORY)});
    const kept = [];
    let max = 0;
    for (let lint = 0; lint < 400; lint++) {
      let garbage = [];
      for (let i = 0; i < 20000; i++) garbage.push({ line: i, text: 'x' + i, children: [i, lint] });
      kept.push(garbage.slice(0, 2000));
      garbage = undefined;
      if (${withHook}) memory.afterLint();
      max = Math.max(max, memory.youngGenerationSize());
    }
    console.log(JSON.stringify({ max, cap: memory.YOUNG_GENERATION_CAP, kept: kept.length }));
  `;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('young generation cap (lsp/memory.ts)', () => {
  it('a burst of lints leaves the young generation at the cap, not at V8 maximum', () => {
    const { max, cap } = youngGenerationAfterBurst(true);
    assert.ok(max <= cap, `young generation reached ${max / 2 ** 20} MB, cap ${cap / 2 ** 20} MB`);
  });

  it('the same burst without the hook grows it beyond the cap (the case above tests something)', () => {
    const { max, cap } = youngGenerationAfterBurst(false);
    assert.ok(max > cap, `young generation stayed at ${max / 2 ** 20} MB`);
  });
});
