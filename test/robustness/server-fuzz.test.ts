import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED, KINDS, mutate, mutationArb, nastyDocuments, PATHS, seeds } from './inputs';
import { session } from './lsp-session';

const LANGUAGE: Record<string, string> = { dockerfile: 'dockerfile', kubernetes: 'yaml', workflow: 'yaml', action: 'yaml' };

describe('robustness: the server process survives a whole run', () => {
  it('opens every hostile document as every kind, edits mutated documents, and still answers correctly', async () => {
    const s = await session();
    try {
      let n = 0;
      for (const doc of nastyDocuments()) {
        for (const kind of KINDS) {
          const uri = `file:///ws/${n++}${PATHS[kind]}`;
          s.open(uri, LANGUAGE[kind], doc.text);
          await s.diagnostics(uri, 1);
          s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
        }
      }
      const pool = seeds(path.resolve(__dirname, '../../..'));
      const samples = fc.sample(fc.tuple(fc.nat(pool.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 6 })), { seed: FUZZ_SEED, numRuns: FUZZ_RUNS });
      for (const [k, seed] of pool.entries()) {
        const uri = `file:///ws/edit${k}${PATHS[seed.kind]}`;
        s.open(uri, LANGUAGE[seed.kind], seed.text);
        let version = 1;
        for (const [seedIndex, mutations] of samples.filter(([i]) => i === k)) {
          s.change(uri, ++version, mutate(pool[seedIndex].text, mutations));
        }
        // Only the last version must be answered: older ones may be skipped as stale.
        await s.diagnostics(uri, version);
      }
      assert.ok(s.alive(), 'the server is still running');
      assert.doesNotMatch(s.stderr(), /uncaught|unhandled rejection/);
      s.open('file:///ws/after/Dockerfile', 'dockerfile', 'FROM node\n');
      const after = await s.diagnostics('file:///ws/after/Dockerfile', 1);
      assert.ok(after.some((d) => d.code === 'dockerfile/untagged-image'));
      assert.ok(!after.some((d) => d.code === 'shipshape/internal-error'));
    } finally {
      await s.stop();
    }
  });

  it('turns an exception inside one rule into one internal-error diagnostic, keeping the other findings', async () => {
    const s = await session({ env: { SHIPSHAPE_TEST_FAULTY_RULE: 'dockerfile/json-args' } });
    try {
      s.open('file:///ws/Dockerfile', 'dockerfile', 'FROM node\nCMD node a.js\n');
      const diags = await s.diagnostics('file:///ws/Dockerfile', 1);
      const internal = diags.filter((d) => d.code === 'shipshape/internal-error');
      assert.deepEqual(internal.map((d) => d.message), ['Rule dockerfile/json-args failed: injected fault']);
      assert.ok(diags.some((d) => d.code === 'dockerfile/untagged-image'), 'the other rules still report');
      assert.ok(!diags.some((d) => d.code === 'dockerfile/json-args'));
      assert.ok(s.alive());
    } finally {
      await s.stop();
    }
  });
});
