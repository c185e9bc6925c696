import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isNode, visit, type Document } from 'yaml';
import { LineIndex } from '../../../server/src/engine/text';
import { blockReparseStats, clearBlockReparseCache, parseYamlReusingBlock } from '../../../server/src/yaml/block-reparse';
import { parseWhole } from '../../../server/src/yaml/yaml';

/** A workflow with the features that make splicing delicate: comments and blank lines between jobs, block scalars. */
export function bigWorkflow(jobs: number, crlf = false, tail = true): string {
  const out = ['# CI', 'name: ci', 'on:', '  push:', '    branches: [main]', 'permissions:', '  contents: read', 'jobs:'];
  for (let j = 0; j < jobs; j++) {
    if (j % 3 === 0) out.push('');
    if (j % 4 === 1) out.push(`  # job ${j} below`);
    if (j % 5 === 2) out.push('    # an indented comment');
    out.push(`  job${j}:`, `    name: "Job ${j}"`, `    runs-on: ${j % 2 ? 'ubuntu-latest' : '[self-hosted, linux]'}`);
    if (j > 0 && j % 2) out.push(`    needs: [job${j - 1}]`);
    out.push('    steps:', '      - uses: actions/checkout@v4 # pinned later');
    out.push(`      - name: Step ${j}`, `        run: npm run task${j} -- --shard ${j}`);
    out.push('      - run: |', '          set -e', `          echo "\${{ github.event.issue.title }}" ${j}`, '');
    if (j % 6 === 5) out.push('      # trailing comment in the job', '');
  }
  out.push(...(tail ? ['env:', '  A: 1', '# the end', ''] : ['']));
  const text = out.join('\n');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Everything rules can see of a parse: node kinds, ranges, values, comments, flags; errors and warnings. */
export function shape(docs: Document.Parsed[]): unknown {
  return docs.map((doc) => {
    const nodes: unknown[] = [doc.range];
    visit(doc, {
      Node(_k, n) {
        const x = n as { type?: string; source?: string; comment?: string; commentBefore?: string; spaceBefore?: boolean; flow?: boolean; tag?: string; anchor?: string };
        nodes.push([n.constructor.name, n.range, isNode(n) && 'value' in n && typeof n.value !== 'object' ? n.value : null, x.source ?? null, x.type ?? null, x.comment ?? null, x.commentBefore ?? null, !!x.spaceBefore, !!x.flow, x.tag ?? null, x.anchor ?? null]);
      },
      Pair(_k, p) {
        nodes.push(['pair', isNode(p.key) ? p.key.range : null, p.value === null ? 'null' : 'v']);
      },
    });
    return { nodes, errors: doc.errors.map((e) => [e.code, e.pos, e.message]), warnings: doc.warnings.map((e) => [e.code, e.pos, e.message]), comment: doc.comment ?? null, commentBefore: doc.commentBefore ?? null };
  });
}

const PATH = '/ws/.github/workflows/ci.yml';
const incremental = (text: string) => parseYamlReusingBlock(text, new LineIndex(text), PATH, 'jobs').docs;

// Edits that keep the file valid (most typing) and edits that break or restructure it (markers, anchors, dedents...).
const BENIGN = ['x', 'job3', ' # c', '\n      - run: more', '\n    env:\n      A: b', '\n\n', '\n  # c', '\n    # c', '\n# c', ' ${{ github.sha }}', '-1', '\r\n'];
const BREAKING = ['\n', '  ', ' ', '#', '&a ', '*a', '---\n', '...\n', ':', ': x', '- ', '{', '}', '"', "'", '|', '\t', '\n  job99:\n    runs-on: x', '\n  job5:', 'steps:', '%YAML 1.1\n', '? '];

const edit = fc.record({
  at: fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1e6),
  lineEnd: fc.boolean(),
  del: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max: 6 }), weight: 1 }),
  ins: fc.oneof({ arbitrary: fc.constantFrom(...BENIGN), weight: 6 }, { arbitrary: fc.constantFrom(...BREAKING), weight: 2 }, { arbitrary: fc.string({ maxLength: 4 }), weight: 1 }),
});

function apply(text: string, e: { at: number; lineEnd: boolean; del: number; ins: string }): string {
  let at = Math.floor(e.at * text.length);
  if (e.lineEnd) at = Math.max(0, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) - (text[text.indexOf('\n', at) - 1] === '\r' ? 1 : 0));
  return text.slice(0, at) + e.ins + text.slice(at + e.del);
}

describe('incremental workflow parsing (one job parsed again)', () => {
  it('gives exactly what a whole parse gives after edits inside a job, LF and CRLF', () => {
    for (const crlf of [false, true]) {
      clearBlockReparseCache();
      const before = blockReparseStats.spliced;
      let text = bigWorkflow(60, crlf);
      assert.deepEqual(shape(incremental(text)), shape(parseWhole(text)));
      for (const [needle, ins] of [['task30', 'x'], ['runs-on: ubuntu-latest', '-x'], ['  job12', 'b'], ['# trailing comment in the job', ' more'], ['set -e', '\n          echo more'], ['Step 7', '"']]) {
        const at = text.indexOf(needle) + needle.length;
        text = text.slice(0, at) + ins + text.slice(at);
        assert.deepEqual(shape(incremental(text)), shape(parseWhole(text)), `${needle} + ${ins}`);
      }
      assert.equal(blockReparseStats.spliced - before, 6);
    }
  });

  it('parses only the last job again after an edit in it, with top-level keys after `jobs:` or at the end of the file', () => {
    for (const tail of [true, false]) {
      clearBlockReparseCache();
      const before = blockReparseStats.spliced;
      let text = bigWorkflow(42, false, tail);
      incremental(text);
      for (const [needle, ins] of [['task41', 'x'], ['echo "${{ github.event.issue.title }}" 41', '\n          echo more'], ['# trailing comment in the job', '!'], ['job41:\n', '    env:\n      A: b\n']]) {
        const at = text.lastIndexOf(needle) + needle.length;
        text = text.slice(0, at) + ins + text.slice(at);
        assert.deepEqual(shape(incremental(text)), shape(parseWhole(text)), `${needle} + ${ins}`);
      }
      assert.equal(blockReparseStats.spliced - before, 4, tail ? 'env: after jobs' : 'jobs: last');
      // Appending a job after the last one is not an edit of one entry: a whole parse.
      text = text + '  job42:\n    runs-on: x\n';
      assert.deepEqual(shape(incremental(text)), shape(parseWhole(text)));
    }
  });

  it('matches a whole parse over random sequences of edits', () => {
    const before = blockReparseStats.spliced;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), (edits, crlf, tail) => {
        clearBlockReparseCache();
        let text = bigWorkflow(30, crlf, tail);
        incremental(text);
        for (const e of edits) {
          // Most edits land in the middle of the jobs (the interesting case); `at` near 0 or 1 hits the header and end.
          text = apply(text, e);
          assert.deepEqual(shape(incremental(text)), shape(parseWhole(text)), JSON.stringify(edits));
        }
      }),
      { seed: 11, numRuns: Number(process.env.SHIPSHAPE_FUZZ_RUNS ?? 40) },
    );
    // The incremental path was taken often (not only whole parses compared with themselves).
    assert.ok(blockReparseStats.spliced - before > 25, `${blockReparseStats.spliced - before} splices`);
  });
});
