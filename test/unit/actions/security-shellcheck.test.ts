import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Scalar } from 'yaml';
import { runScalar } from '../../../server/src/actions/facts';
import { buildModel } from '../../../server/src/actions/model';
import { mapComments, maskExpressions, scriptLineOffsets, type ShellcheckComment } from '../../../server/src/actions/shellcheck';
import { memoryWorkspace } from '../../../server/src/engine/workspace';
import { findShellcheck } from '../../../server/src/shellcheck-binary';
import { covered, findingsOf } from '../../helpers';

const W = '/repo/.github/workflows/ci.yml';
const TEXT = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo $FOO
          if [ \${{ github.event_name }} = x ]; then
            cd dir
          fi
      - run: echo $BAR
`;

// Recorded from \`shellcheck --format=json1 --shell=bash -\` (v0.9) on the first script after masking.
const RECORDED: ShellcheckComment[] = [
  { line: 1, endLine: 1, column: 6, endColumn: 10, level: 'info', code: 2086, message: 'Double quote to prevent globbing and word splitting.' },
  { line: 3, endLine: 3, column: 3, endColumn: 9, level: 'warning', code: 2164, message: "Use 'cd ... || exit' or 'cd ... || return' in case cd fails." },
];

describe('actions/shellcheck (actionlint/shellcheck)', () => {
  it('masks ${{ }} with a same-length variable', () => {
    const masked = maskExpressions('if [ ${{ github.event_name }} = x ]');
    assert.equal(masked, `if [ $${'X'.repeat('${{ github.event_name }}'.length - 1)} = x ]`);
    assert.equal(masked.length, 'if [ ${{ github.event_name }} = x ]'.length);
  });

  it('maps ShellCheck line/columns into the block scalar exactly', () => {
    const model = buildModel(TEXT, 'workflow');
    const run = runScalar(model.steps[0]) as Scalar;
    const offsets = scriptLineOffsets(model, run)!;
    assert.equal(offsets.length, 4);
    const mapped = mapComments(model, offsets, RECORDED);
    const lines = TEXT.split('\n');
    assert.deepEqual(mapped.map((m) => [m.range.start.line, lines[m.range.start.line].slice(m.range.start.character, m.range.end.character)]), [[6, '$FOO'], [8, 'cd dir']]);
    assert.deepEqual(mapped.map((m) => m.severity), ['info', 'warning']);
    assert.equal(mapped[1].message, "SC2164: Use 'cd ... || exit' or 'cd ... || return' in case cd fails.");
  });

  it('maps single-line plain scalars and skips folded ones', () => {
    const model = buildModel(TEXT, 'workflow');
    const offsets = scriptLineOffsets(model, runScalar(model.steps[1]) as Scalar)!;
    assert.deepEqual(offsets, [TEXT.indexOf('echo $BAR')]);
    const folded = buildModel('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: >\n          a\n          b\n', 'workflow');
    assert.equal(scriptLineOffsets(folded, runScalar(folded.steps[0]) as Scalar), undefined);
  });

  it('is silent when turned off (and when the binary is absent)', () => {
    assert.deepEqual(findingsOf(W, TEXT, 'actions/shellcheck', { config: { domains: { actions: { shellcheck: false } } } }), []);
    assert.deepEqual(findingsOf(W, TEXT, 'actions/shellcheck', { config: { domains: { actions: { workspaceTrusted: false } } } }), []);
  });

  const installed = findShellcheck(undefined, memoryWorkspace({}, '/repo'));

  it('runs the real binary when it is installed', { skip: !installed && 'shellcheck is not on PATH' }, () => {
    const found = findingsOf(W, TEXT, 'actions/shellcheck');
    assert.deepEqual(found.map((f) => covered(TEXT, f)), ['$FOO', '$BAR'], 'SC2164 (cd without || exit) is off: steps run with -e');
    assert.deepEqual(found[0].aliases, ['actionlint/shellcheck', 'zizmor/shellcheck']);
  });

  it('runs the binary named by actions.shellcheckPath, and only one that answers as ShellCheck', { skip: !installed && 'shellcheck is not on PATH' }, () => {
    const withPath = (shellcheckPath: string) => findingsOf(W, TEXT, 'actions/shellcheck', { config: { domains: { actions: { shellcheckPath } } } });
    assert.deepEqual(withPath(installed!).map((f) => covered(TEXT, f)), ['$FOO', '$BAR']);
    assert.deepEqual(withPath('/bin/sh'), [], 'not ShellCheck: never run');
    assert.deepEqual(withPath('shellcheck'), [], 'a relative path: never run');
  });
});
