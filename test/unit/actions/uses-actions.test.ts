import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf, fixOnce } from '../../helpers';
import { job, W } from './security-fixtures';


const LOCAL_ACTION = `name: local
description: d
inputs:
  target:
    required: true
  mode:
    default: fast
  old:
    deprecationMessage: use mode
outputs:
  digest:
    value: x
runs:
  using: node16
  main: index.js
`;

describe('actions/uses-format (actionlint/action)', () => {
  it('reports malformed uses: on the value', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout
      - uses: actions@v4
      - uses: docker://
      - uses: ./local
  b:
    uses: ./.github/workflows/x.yml@main
  c:
    uses: o/r/.github/workflows/x.yml@v1
`;
    const found = findingsOf(W, text, 'actions/uses-format');
    assert.deepEqual(found.map((f) => covered(text, f)), ['actions/checkout', 'actions@v4', 'docker://', './.github/workflows/x.yml@main']);
    assert.match(found[0].message, /has no "@ref"/);
    assert.match(found[3].message, /takes no "@ref"/);
  });
});

describe('actions/action-inputs (actionlint/action)', () => {
  it('checks with: against a local action.yml: unknown, deprecated, missing required', () => {
    const text = job(`      - uses: ./.github/actions/build
        with:
          mdoe: slow
          old: x
`);
    const files = { '/repo/.github/actions/build/action.yml': LOCAL_ACTION };
    const found = findingsOf(W, text, 'actions/action-inputs', { files });
    assert.deepEqual(found.map((f) => [covered(text, f), f.severity]), [['./.github/actions/build', 'warning'], ['mdoe', 'warning'], ['old', 'info']]);
    assert.equal(found[1].message, '"./.github/actions/build" has no input "mdoe"; it takes: target, mode, old.');
    assert.equal(found[0].message, '"./.github/actions/build" requires input "target".');
    assert.deepEqual(found[2].tags, ['deprecated']);
  });

  it('checks popular actions at the major version the table describes, with did-you-mean', () => {
    const text = job(`      - uses: actions/checkout@v4
        with:
          fetch_depth: 0
      - uses: actions/checkout@v3
        with:
          anything: 1
      - uses: actions/cache@v4
      - uses: docker/build-push-action@v2
`);
    const found = findingsOf(W, text, 'actions/action-inputs');
    assert.deepEqual(found.map((f) => covered(text, f)), ['fetch_depth', 'actions/cache@v4'], 'build-push v2: snapshot not known to be complete');
    assert.equal(found[0].message, '"actions/checkout@v4" has no input "fetch_depth" — did you mean "fetch-depth"?');
    assert.equal(found[1].message, '"actions/cache@v4" requires inputs "path", "key".');
  });

  it('fixes: did-you-mean renames the key; missing inputs are added under with:', () => {
    const text = job(`      - uses: actions/checkout@v4
        with:
          fetch_depth: 0
`);
    assert.equal(fixOnce(W, text, 'actions/action-inputs'), job(`      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
`));
    const missing = job('      - uses: ./.github/actions/build\n');
    const files = { '/repo/.github/actions/build/action.yml': LOCAL_ACTION };
    assert.equal(fixOnce(W, missing, 'actions/action-inputs', { files }), job(`      - uses: ./.github/actions/build
        with:
          target: ""
`));
  });
});

describe('actions/unknown-step-output', () => {
  it('reports outputs the action does not set, on the output name', () => {
    const text = job(`      - id: co
        uses: actions/checkout@v4
      - id: b
        uses: ./.github/actions/build
        with: { target: x }
      - run: echo \${{ steps.co.outputs.commit }} \${{ steps.co.outputs.sha }} \${{ steps.b.outputs.digest }} \${{ steps.b.outputs.tag }}
`);
    const files = { '/repo/.github/actions/build/action.yml': LOCAL_ACTION };
    const found = findingsOf(W, text, 'actions/unknown-step-output', { files });
    assert.deepEqual(found.map((f) => covered(text, f)), ['sha', 'tag']);
    assert.equal(found[0].message, '"actions/checkout@v4" has no output "sha"; it sets: ref, commit.');
  });
});

describe('actions/outdated-runtime', () => {
  it('reports old majors of popular actions with an upgrade fix, and node16 local actions', () => {
    const text = job(`      - uses: actions/checkout@v2
      - uses: actions/setup-node@v4
      - uses: ./.github/actions/build
        with: { target: x }
`);
    const files = { '/repo/.github/actions/build/action.yml': LOCAL_ACTION };
    const found = findingsOf(W, text, 'actions/outdated-runtime', { files });
    assert.deepEqual(found.map((f) => covered(text, f)), ['actions/checkout@v2', './.github/actions/build']);
    assert.match(found[1].message, /runs on node16/);
    assert.match(fixOnce(W, text, 'actions/outdated-runtime', { files }), /- uses: actions\/checkout@v4\n/);
  });

  it('reads the version comment of SHA pins, without offering a ref fix', () => {
    const text = job(`      - uses: actions/checkout@${'a'.repeat(40)} # v3.6.0
      - uses: actions/checkout@${'b'.repeat(40)} # v4.2.2
        with:
          fetch_depth: 1
`);
    const found = findingsOf(W, text, 'actions/outdated-runtime');
    assert.deepEqual(found.map((f) => f.range.start.line), [7]);
    assert.equal(found[0].message, 'actions/checkout@aaaaaaa… (v3) runs on a retired Node runtime: upgrade to v4 or later (check its changelog for breaking changes).');
    assert.deepEqual(found[0].fixes.filter((f) => f.title.startsWith('Upgrade')), []);
    assert.deepEqual(findingsOf(W, text, 'actions/action-inputs').map((f) => covered(text, f)), ['fetch_depth']);
  });

  it('reports node12 in an action.yml itself', () => {
    const found = findingsOf('/repo/action.yml', LOCAL_ACTION, 'actions/outdated-runtime');
    assert.deepEqual(found.map((f) => covered(LOCAL_ACTION, f)), ['node16']);
    assert.match(fixOnce('/repo/action.yml', LOCAL_ACTION, 'actions/outdated-runtime'), /using: node20\n/);
  });
});

describe('actions/reusable-workflow-call (actionlint/workflow-call)', () => {
  const CALLEE = `on:
  workflow_call:
    inputs:
      env:
        type: string
        required: true
      dry:
        type: boolean
        default: false
    secrets:
      token:
        required: true
    outputs:
      url:
        value: x
jobs:
  x:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`;
  const files = { '/repo/.github/workflows/deploy.yml': CALLEE, '/repo/.github/workflows/plain.yml': 'on: push\njobs: {}\n' };

  it('checks inputs, types, secrets and outputs against the callee', () => {
    const text = `on: push
jobs:
  d:
    uses: ./.github/workflows/deploy.yml
    with:
      dry: yes please
      region: eu
  p:
    uses: ./.github/workflows/plain.yml
  after:
    needs: d
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ needs.d.outputs.url }} \${{ needs.d.outputs.link }}
`;
    const found = findingsOf(W, text, 'actions/reusable-workflow-call', { files });
    assert.deepEqual(found.map((f) => covered(text, f)), ['./.github/workflows/deploy.yml', './.github/workflows/deploy.yml', 'yes please', 'region', './.github/workflows/plain.yml', 'link']);
    assert.deepEqual(found.map((f) => f.message), [
      './.github/workflows/deploy.yml requires input "env".',
      './.github/workflows/deploy.yml requires secret "token".',
      'Input "dry" is a boolean, not a string.',
      './.github/workflows/deploy.yml declares no input "region"; it takes: env, dry.',
      './.github/workflows/plain.yml has no "workflow_call" trigger, so it cannot be called.',
      'The reusable workflow of job "d" declares no output "link".',
    ]);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error', 'warning', 'error', 'error', 'warning']);
  });

  it('accepts a complete call and secrets: inherit', () => {
    const text = `on: push
jobs:
  d:
    uses: ./.github/workflows/deploy.yml
    with:
      env: prod
      dry: true
    secrets: inherit
`;
    assert.deepEqual(findingsOf(W, text, 'actions/reusable-workflow-call', { files }), []);
  });
});
