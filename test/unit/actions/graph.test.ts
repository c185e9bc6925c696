import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/text';
import { covered, findingsOf, fixOnce } from '../../helpers';

const W = '/repo/.github/workflows/ci.yml';

describe('actions/job-needs (actionlint/job-needs)', () => {
  it('reports unknown jobs with a fix, duplicates and cycles', () => {
    const text = `on: push
jobs:
  build:
    needs: [tset, test]
    runs-on: ubuntu-latest
    steps: [{run: make}]
  test:
    needs: [build, build]
    runs-on: ubuntu-latest
    steps: [{run: make}]
`;
    const found = findingsOf(W, text, 'actions/job-needs');
    assert.deepEqual(found.map((f) => covered(text, f)), ['build', 'tset', 'build']);
    assert.match(found[0].message, /"build" → "test" → "build" need each other in a cycle/);
    assert.match(found[2].message, /lists "build" in needs twice/);
    assert.equal(applyEdits(text, found[1].fixes[0].edits).text, text.replace('[tset, test]', '[test, test]'));
  });
});

describe('actions/id (actionlint/id)', () => {
  it('reports invalid ids and duplicate step ids', () => {
    const text = `on: push
jobs:
  1st:
    runs-on: ubuntu-latest
    steps:
      - id: a.b
        run: x
      - id: Build
        run: x
      - id: build
        run: x
`;
    const found = findingsOf(W, text, 'actions/id');
    assert.deepEqual(found.map((f) => covered(text, f)), ['1st', 'a.b', 'build']);
    assert.match(found[2].message, /already used .*\(line 8\)/);
  });
});

describe('actions/matrix (actionlint/matrix)', () => {
  it('reports exclude keys and values that do not exist, duplicates and empty dimensions', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        os: [ubuntu-latest, windows-latest, ubuntu-latest]
        node: []
        exclude:
          - os: macos-latest
          - arch: x64
    steps: [{run: make}]
`;
    const found = findingsOf(W, text, 'actions/matrix');
    assert.deepEqual(found.map((f) => [covered(text, f), f.aliases.join()]), [
      ['ubuntu-latest', 'actionlint/matrix'],
      ['[]', 'actionlint/syntax-check'],
      ['macos-latest', 'actionlint/matrix'],
      ['arch', 'actionlint/matrix'],
    ]);
  });
});

describe('actions/runner-label (actionlint/runner-label)', () => {
  it('reports unknown, retired and conflicting labels, including matrix values', () => {
    const text = `on: push
jobs:
  a:
    runs-on: [ubuntu-latest, windows-latest]
    steps: [{run: make}]
  b:
    runs-on: ubuntu-lastest
    steps: [{run: make}]
  c:
    strategy:
      matrix:
        os: [macos-12, ubuntu-24.04]
    runs-on: \${{ matrix.os }}
    steps: [{run: make}]
`;
    const found = findingsOf(W, text, 'actions/runner-label');
    assert.deepEqual(found.map((f) => covered(text, f)), ['windows-latest', 'ubuntu-lastest', '${{ matrix.os }}']);
    assert.match(found[2].message, /"macos-12" has been retired/);
  });

  it('accepts self-hosted labels from settings and .github/actionlint.yaml', () => {
    const text = `on: push
jobs:
  a:
    runs-on: [self-hosted, gpu-box, big-*]
    steps: [{run: make}]
`;
    const files = { '/repo/.github/actionlint.yaml': 'self-hosted-runner:\n  labels: [gpu-box]\n' };
    const found = findingsOf(W, text, 'actions/runner-label', { files, config: { domains: { actions: { selfHostedRunnerLabels: ['big-*'] } } } });
    assert.deepEqual(found, []);
  });
});

describe('actions/shell-name, actions/env-var, actions/hardcoded-credentials', () => {
  it('checks shells per runner OS', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: x
        shell: powershell
      - run: x
        shell: perl {0}
  b:
    runs-on: windows-latest
    steps:
      - run: x
        shell: sh
      - run: x
        shell: cmd
`;
    const found = findingsOf(W, text, 'actions/shell-name');
    assert.deepEqual(found.map((f) => covered(text, f)), ['powershell', 'sh']);
    assert.match(found[1].message, /on Windows/);
  });

  it('reports invalid environment variable names and literal registry passwords', () => {
    const text = `on: push
env:
  GOOD_NAME: 1
  BAD NAME: 2
jobs:
  a:
    runs-on: ubuntu-latest
    container:
      image: ghcr.io/x/y
      credentials:
        username: me
        password: hunter2
    steps: [{run: make}]
`;
    assert.deepEqual(findingsOf(W, text, 'actions/env-var').map((f) => covered(text, f)), ['BAD NAME']);
    // actionlint's `credentials` check is one finding of actions/hardcoded-credentials, carrying its code.
    const creds = findingsOf(W, text, 'actions/hardcoded-credentials');
    assert.deepEqual(creds.map((f) => covered(text, f)), ['hunter2']);
    assert.ok(creds[0].aliases.includes('actionlint/credentials'));
  });
});

describe('actions/deprecated-commands (actionlint/deprecated-commands)', () => {
  it('reports disabled commands and rewrites ::set-output to $GITHUB_OUTPUT', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: v
        run: |
          echo "::set-output name=version::1.2.3"
          echo "::add-path::/opt/bin"
`;
    const found = findingsOf(W, text, 'actions/deprecated-commands');
    assert.deepEqual(found.map((f) => [covered(text, f), f.severity]), [
      ['::set-output name=version::', 'warning'],
      ['::add-path::', 'error'],
    ]);
    const fixed = fixOnce(W, text, 'actions/deprecated-commands');
    assert.equal(fixed, text.replace('echo "::set-output name=version::1.2.3"', 'echo "version=1.2.3" >> "$GITHUB_OUTPUT"'));
    assert.equal(findingsOf(W, fixed, 'actions/deprecated-commands').length, 1);
  });
});

describe('actions/runner-label with a matrix', () => {
  it('reports matrix values that conflict with a fixed hosted label, on the value', () => {
    const text = `on: push
jobs:
  test:
    strategy:
      matrix:
        os: [windows-latest, ubuntu-latest, windows]
    runs-on: [ubuntu-latest, '\${{ matrix.os }}']
    steps: [{run: make}]
`;
    const found = findingsOf(W, text, 'actions/runner-label');
    assert.deepEqual(found.map((f) => [covered(text, f), f.range.start.line]), [['windows-latest', 5], ['windows', 5]]);
  });
});
