import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/engine/config';
import { Engine, type LintRequest } from '../../server/src/engine/lint';
import { memoryWorkspace } from '../../server/src/engine/workspace';
import { createRegistry } from '../../server/src/languages';
import { ASSERT_TIME, FUZZ_RUNS, FUZZ_SEED, KINDS, mutate, mutationArb, nastyDocuments, PATHS, seeds, type FuzzKind } from './inputs';

const failures: string[] = [];
const engine = new Engine(createRegistry(), (m) => failures.push(m));
// Every rule on, and no size limit: the point is to feed the rules the worst inputs.
const config = mergeConfig(DEFAULT_CONFIG, { allRules: true, maxFileSizeKb: 64 * 1024 });
const MEMORY_CEILING_MB = 1536;

/** Lints and fixes a text as a kind; fails on any throw, internal error, out-of-document range or runaway cost. */
function survive(label: string, kind: FuzzKind, text: string): void {
  failures.length = 0;
  const req: LintRequest = { path: PATHS[kind], text, kind, config, workspace: memoryWorkspace({ [PATHS[kind]]: text }, '/ws') };
  const started = performance.now();
  const result = engine.lint(req);
  const lintMs = performance.now() - started;
  const crashes = result.findings.filter((f) => f.ruleId === 'shipshape/internal-error').map((f) => f.message);
  assert.deepEqual(crashes, [], `${label} as ${kind}: ${failures.join('\n')}`);
  for (const f of result.findings) {
    assert.ok(f.range.start.line < result.index.lineCount && f.range.end.line < result.index.lineCount, `${label} as ${kind}: ${f.ruleId} reports past the end`);
    assert.ok(f.range.start.line < f.range.end.line || (f.range.start.line === f.range.end.line && f.range.start.character <= f.range.end.character), `${label} as ${kind}: ${f.ruleId} has an inverted range`);
  }
  const fixed = engine.fixAll({ ...req, parsed: result.parsed });
  assert.deepEqual(fixed.result.findings.filter((f) => f.ruleId === 'shipshape/internal-error').map((f) => f.message), [], `${label} as ${kind} after fix-all: ${failures.join('\n')}`);
  if (ASSERT_TIME) {
    const boundMs = 1000 + 2000 * (text.length / (1 << 20));
    assert.ok(lintMs < boundMs, `${label} as ${kind}: lint took ${Math.round(lintMs)} ms, bound ${Math.round(boundMs)} ms`);
  }
  const rssMb = process.memoryUsage().rss / (1 << 20);
  assert.ok(rssMb < MEMORY_CEILING_MB, `${label} as ${kind}: memory reached ${Math.round(rssMb)} MB`);
}

describe('robustness: the engine survives hostile documents', () => {
  for (const doc of nastyDocuments()) {
    it(doc.name, () => {
      for (const kind of KINDS) survive(doc.name, kind, doc.text);
    });
  }

  it('does not expand YAML aliases (billion laughs stays small)', () => {
    const before = process.memoryUsage().heapUsed;
    const bomb = nastyDocuments().find((d) => d.name.startsWith('alias bomb'))!;
    for (let i = 0; i < 20; i++) survive('alias bomb', 'kubernetes', bomb.text);
    assert.ok(process.memoryUsage().heapUsed - before < 200 * (1 << 20), 'the alias bomb must not blow up memory');
  });

  it(`survives ${FUZZ_RUNS} randomly mutated documents per kind (seed ${FUZZ_SEED})`, () => {
    const pool = seeds(path.resolve(__dirname, '../../..'));
    fc.assert(
      fc.property(fc.nat(pool.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (seedIndex, mutations, asOtherKind) => {
        const seed = pool[seedIndex];
        const text = mutate(seed.text, mutations);
        const kind = asOtherKind ? KINDS[(KINDS.indexOf(seed.kind) + 1 + (mutations.length % 3)) % KINDS.length] : seed.kind;
        survive(`mutation ${JSON.stringify(mutations)} of seed ${seedIndex}`, kind, text);
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * KINDS.length },
    );
  });

  it(`survives ${FUZZ_RUNS} random texts of YAML and Dockerfile syntax`, () => {
    const token = fc.constantFrom('\n', '  ', '- ', ': ', '#', '&x ', '*x', '[', ']', '{', '}', ',', '"', "'", '|', '>-', '---\n', 'FROM ', 'RUN ', 'COPY --from=', '\\\n', '${{ ', ' }}', 'on:', 'jobs:', 'steps:', 'apiVersion: v1\n', 'kind: Pod\n', 'containers:', 'image: ', 'a', '1', '\t', '\r');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 200 }), fc.constantFrom(...KINDS), (tokens, kind) => survive(`random ${JSON.stringify(tokens.join(''))}`, kind, tokens.join(''))),
      { seed: FUZZ_SEED + 1, numRuns: FUZZ_RUNS * KINDS.length },
    );
  });
});
