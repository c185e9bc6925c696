import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseExpression } from '../../../server/src/actions/expr/parser';
import { covered, findingsOf, fixOnce } from '../../helpers';

const W = '/repo/.github/workflows/ci.yml';
const RULE = 'actions/expression';

const wf = (body: string) => `on:
  workflow_dispatch:
    inputs:
      name: {type: string}
      dry: {type: boolean}
jobs:
${body}`;

describe('expression parser', () => {
  it('parses operators, calls, property chains and filters with exact offsets', () => {
    const r = parseExpression("github.event.pull_request.labels.*.name[0] == 'x' && !cancelled()");
    assert.equal(r.problem, undefined);
    assert.equal(r.node!.kind, 'binary');
  });

  it('reports syntax errors with their offset', () => {
    assert.match(parseExpression("github.ref = 'main'").problem!.message, /use "=="/);
    assert.deepEqual([parseExpression('"x"').problem!.start], [0]);
    assert.match(parseExpression('format(1, ').problem!.message, /unexpected end/);
    assert.match(parseExpression("'open").problem!.message, /unterminated string/);
  });
});

describe('actions/expression (actionlint/expression)', () => {
  it('reports unknown contexts, properties and functions on the exact token', () => {
    const text = wf(`  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ inputs.nam }} \${{ runer.os }} \${{ startWith(github.ref, 'v') }}"
`);
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['nam', 'runer', 'startWith']);
    assert.match(found[0].message, /Property "nam" is not defined on "inputs"/);
    assert.deepEqual(found[0].aliases, ['actionlint/expression']);
  });

  it('offers did-you-mean fixes for properties', () => {
    const text = wf(`  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ inputs.nam }}"
`);
    assert.match(fixOnce(W, text, RULE), /\$\{\{ inputs\.name \}\}/);
  });

  it('checks context availability per key and special functions', () => {
    const text = wf(`  build:
    if: \${{ matrix.os == 'x' }}
    runs-on: \${{ success() && 'ubuntu-latest' }}
    steps:
      - run: echo ok
`);
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['matrix', 'success']);
    assert.match(found[0].message, /"matrix" context is not available/);
    assert.match(found[1].message, /only available in `if:`/);
  });

  it('knows steps only from earlier steps of the same job, needs outputs and matrix keys', () => {
    const text = wf(`  a:
    runs-on: ubuntu-latest
    outputs:
      version: \${{ steps.v.outputs.version }}
    steps:
      - run: echo \${{ steps.later.outputs.x }}
      - id: later
        run: echo hi
  b:
    needs: a
    runs-on: ubuntu-latest
    strategy:
      matrix:
        os: [ubuntu-latest]
        include:
          - node: 20
    steps:
      - run: echo \${{ needs.a.outputs.version }} \${{ needs.a.outputs.other }} \${{ matrix.node }} \${{ matrix.arch }}
`);
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['v', 'later', 'other', 'arch']);
  });

  it('checks arity, argument types and strict comparisons', () => {
    const text = wf(`  build:
    runs-on: ubuntu-latest
    steps:
      - if: \${{ contains() || fromJSON('{"a":1}') == 'a' || inputs.dry > 1 }}
        run: echo \${{ format('{0} {1}', 'a') }}
`);
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['contains()', '==', '>', "'{0} {1}'"]);
    assert.match(found[0].message, /takes 2 arguments but got 0/);
    assert.match(found[1].message, /Comparing a \{a: number\} with a string/);
  });

  it('accepts valid expressions everywhere, including closing braces in strings and block scalars', () => {
    const text = wf(`  build:
    runs-on: \${{ github.event_name == 'push' && 'ubuntu-latest' || 'windows-latest' }}
    steps:
      - run: |
          echo "\${{ format('{{0}} {0}', github.sha) }}"
          echo "\${{ toJSON(github.event) }}"
        if: \${{ always() && hashFiles('**/go.sum') != '' }}
      - run: echo "\${{ '}}' }}"
`);
    assert.deepEqual(findingsOf(W, text, RULE), []);
  });

  it('maps offsets inside block scalars exactly', () => {
    const text = wf(`  build:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo one
          echo "\${{ github.nope }}"
`);
    const [f] = findingsOf(W, text, RULE);
    assert.equal(covered(text, f), 'nope');
    assert.equal(f.range.start.line, 11);
  });

  it('maps exactly around escapes, and falls back to the whole scalar when the expression itself is escaped', () => {
    const exact = wf(`  build:
    runs-on: ubuntu-latest
    steps:
      - run: "echo \\"\${{ github.nope }}\\""
`);
    assert.equal(covered(exact, findingsOf(W, exact, RULE)[0]), 'nope');
    const escaped = wf(`  build:
    runs-on: ubuntu-latest
    steps:
      - run: "echo \${{ github.n\\u006fpe }}"
`);
    assert.equal(covered(escaped, findingsOf(W, escaped, RULE)[0]), '"echo ${{ github.n\\u006fpe }}"');
  });

  it('warns about objects rendered into strings', () => {
    const text = wf(`  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event }}"
`);
    const [f] = findingsOf(W, text, RULE);
    assert.match(f.message, /renders as "Object"/);
  });

  it('downgrades undefined properties with an explicit || fallback to warnings', () => {
    const text = wf(`  build:
    runs-on: \${{ matrix.os || 'ubuntu-latest' }}
    steps:
      - run: echo
`);
    const [f] = findingsOf(W, text, RULE);
    assert.equal(f.severity, 'warning');
  });
});

describe('github.event.inputs', () => {
  it('is typed from the workflow_dispatch inputs', () => {
    const text = wf(`  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.inputs.name }} \${{ github.event.inputs.nmae }} \${{ github.event.head_commit.message }}"
`);
    assert.deepEqual(findingsOf(W, text, RULE).map((f) => covered(text, f)), ['nmae']);
  });
});
