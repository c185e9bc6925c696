import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf, fixOnce } from '../../helpers';

const W = '/repo/.github/workflows/ci.yml';

describe('actions/unknown-key (actionlint/syntax-check)', () => {
  it('reports unknown keys with did-you-mean and renames them', () => {
    const text = `on: push
jobs:
  build:
    runs_on: ubuntu-latest
    steps:
      - run: make
        with:
          x: 1
`;
    const found = findingsOf(W, text, 'actions/unknown-key');
    assert.deepEqual(found.map((f) => covered(text, f)), ['runs_on', 'with']);
    assert.match(found[0].message, /Did you mean "runs-on"\?/);
    assert.match(found[1].message, /does not apply to a step that runs a script/);
    assert.deepEqual(found[0].aliases, ['actionlint/syntax-check']);
    assert.equal(fixOnce(W, text, 'actions/unknown-key'), text.replace('runs_on', 'runs-on'));
  });

  it('restricts jobs that call reusable workflows', () => {
    const text = `on: push
jobs:
  call:
    uses: ./.github/workflows/build.yml
    runs-on: ubuntu-latest
`;
    const [f] = findingsOf(W, text, 'actions/unknown-key');
    assert.equal(covered(text, f), 'runs-on');
    assert.match(f.message, /calls a reusable workflow/);
  });

  it('accepts a complete valid workflow', () => {
    const text = `name: CI
run-name: CI for \${{ github.ref_name }}
on:
  push:
    branches: [main]
permissions:
  contents: read
concurrency:
  group: ci-\${{ github.ref }}
  cancel-in-progress: true
defaults:
  run:
    shell: bash
env:
  A: 1
jobs:
  build:
    name: Build
    runs-on: [self-hosted, linux]
    timeout-minutes: 10
    environment:
      name: prod
      url: https://example.com
    container:
      image: node:20
      credentials:
        username: u
        password: \${{ secrets.PW }}
    services:
      db:
        image: postgres
        ports: [5432]
    strategy:
      fail-fast: false
      max-parallel: 2
      matrix:
        node: [18, 20]
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - run: make
        working-directory: src
        continue-on-error: \${{ matrix.node == 18 }}
`;
    const all = ['actions/unknown-key', 'actions/value-type', 'actions/empty-value', 'actions/required-key', 'actions/duplicate-key'].flatMap((r) => findingsOf(W, text, r));
    assert.deepEqual(all.map((f) => f.message), []);
  });
});

describe('actions/value-type, actions/empty-value, actions/required-key, actions/duplicate-key', () => {
  it('reports wrong shapes, bad numbers and booleans', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 0
    continue-on-error: maybe
    env: [A]
    steps:
      - run: make
`;
    const found = findingsOf(W, text, 'actions/value-type');
    assert.deepEqual(found.map((f) => covered(text, f)), ['0', 'maybe', '[A]']);
    assert.match(found[0].message, /greater than zero/);
  });

  it('reports empty sections and strings', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ''
    steps:
`;
    const found = findingsOf(W, text, 'actions/empty-value');
    assert.deepEqual(found.map((f) => covered(text, f)), ["''", 'steps']);
  });

  it('reports missing keys on the section that needs them', () => {
    const text = `on: push
jobs:
  build:
    steps:
      - name: nothing
`;
    const found = findingsOf(W, text, 'actions/required-key');
    assert.deepEqual(found.map((f) => [covered(text, f), f.message]), [
      ['build', '"runs-on" is missing in job "build".'],
      ['name', 'A step needs "run" (a script) or "uses" (an action).'],
    ]);
  });

  it('reports keys that differ only in case', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{run: a}]
  Build:
    runs-on: ubuntu-latest
    steps: [{run: a}]
`;
    const [f] = findingsOf(W, text, 'actions/duplicate-key');
    assert.equal(covered(text, f), 'Build');
  });

  it('reports an empty workflow', () => {
    const [f] = findingsOf(W, '# nothing\n', 'actions/required-key');
    assert.match(f.message, /workflow is empty/);
  });

  it('checks composite action metadata and its steps', () => {
    const text = `name: My action
description: Does things
inputs:
  who: {description: who, required: true}
runs:
  using: composite
  steps:
    - run: echo \${{ inputs.who }} \${{ inputs.whom }}
    - uses: actions/cache@v4
      shel: bash
`;
    const path = '/repo/action.yml';
    assert.deepEqual(findingsOf(path, text, 'actions/required-key').map((f) => covered(text, f)), ['run']);
    assert.deepEqual(findingsOf(path, text, 'actions/unknown-key').map((f) => covered(text, f)), ['shel']);
    assert.deepEqual(findingsOf(path, text, 'actions/expression').map((f) => covered(text, f)), ['whom']);
  });
});

describe('actions/yaml-anchors', () => {
  it('checks aliased sections as if expanded and reports unused anchors and merge keys', () => {
    const text = `on: push
env: &shared
  A: 1
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      <<: *shared
    steps: &steps
      - run: make
        with: {x: 1}
`;
    const anchors = findingsOf(W, text, 'actions/yaml-anchors');
    assert.deepEqual(anchors.map((f) => covered(text, f)), ['<<', '&steps']);
    assert.equal(findingsOf(W, text, 'actions/unknown-key').length, 1);
  });

  it('expands aliases of whole sections', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps: &steps
      - run: make
  b:
    runs-on: ubuntu-latest
    steps: *steps
`;
    assert.deepEqual(findingsOf(W, text, 'actions/yaml-anchors'), []);
    assert.deepEqual(findingsOf(W, text, 'actions/value-type'), []);
  });
});

describe('what GitHub accepts stays quiet', () => {
  it('accepts background steps, a workflow description, concurrency queues and deployment: false', () => {
    const text = `description: Builds things
on: push
concurrency:
  group: deploy
  queue: max
jobs:
  build:
    runs-on: ubuntu-latest
    environment:
      name: prod
      deployment: false
    steps:
      - id: server
        run: npm start
        background: true
      - wait: [server]
      - wait-all:
      - cancel: server
`;
    const all = ['actions/unknown-key', 'actions/value-type', 'actions/empty-value', 'actions/required-key'].flatMap((r) => findingsOf(W, text, r));
    assert.deepEqual(all.map((f) => f.message), []);
  });

  it('reports ${{ }} where GitHub does not evaluate it', () => {
    const text = `name: Build \${{ github.ref }}
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{run: make}]
`;
    const [f] = findingsOf(W, text, 'actions/expression');
    assert.equal(covered(text, f), 'Build ${{ github.ref }}');
    assert.match(f.message, /does not evaluate/);
  });

  it('only warns about github properties it does not know and negative timeouts', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: -1
    steps:
      - run: echo \${{ github.brand_new_property }}
`;
    assert.deepEqual(findingsOf(W, text, 'actions/expression').map((f) => f.severity), ['warning']);
    assert.deepEqual(findingsOf(W, text, 'actions/value-type').map((f) => f.severity), ['warning']);
  });
});

describe('aliases are checked as if expanded', () => {
  it('checks aliased jobs and steps, and expressions inside them in the scope where they are used', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - &echo
        run: echo \${{ matrix.os }}
  b:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        os: [ubuntu-latest]
    steps:
      - *echo
`;
    const found = findingsOf(W, text, 'actions/expression');
    assert.equal(found.length, 1, 'reported once, for job a where matrix has no os');
    assert.equal(covered(text, found[0]), 'os');
  });
});
