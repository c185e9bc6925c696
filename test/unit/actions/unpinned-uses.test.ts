import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf } from '../../helpers';

const W = '/repo/.github/workflows/ci.yml';
const RULE = 'actions/unpinned-uses';

const workflow = (steps: string) => `on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${steps}`;

describe('actions/unpinned-uses (zizmor/unpinned-uses)', () => {
  it('reports branches and missing refs on the ref', () => {
    const text = workflow(`      - uses: actions/checkout@main
      - uses: some-org/deploy@master
      - uses: "some-org/other"
`);
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['main', 'master', 'some-org/other']);
    assert.match(found[0].message, /pinned to the branch "main"/);
    assert.match(found[2].message, /has no ref/);
    assert.deepEqual(found[0].aliases, ['zizmor/unpinned-uses']);
  });

  it('requires a SHA for third-party actions but allows tags for actions/*', () => {
    const text = workflow(`      - uses: actions/checkout@v4
      - uses: docker/build-push-action@v6
      - uses: docker/login-action@0d4c9c5ea7693da7b068278f7b52bda2a190a446 # v3
      - uses: ./.github/actions/local
      - uses: docker://alpine:3.20
`);
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['v6']);
    assert.match(found[0].message, /pin the commit SHA/);
  });

  it('checks reusable workflow calls and follows the configured policy', () => {
    const text = `on: push
jobs:
  call:
    uses: some-org/workflows/.github/workflows/build.yml@v1
`;
    assert.equal(findingsOf(W, text, RULE).length, 1);
    assert.equal(findingsOf(W, text, RULE, { config: { domains: { actions: { unpinnedUses: { 'some-org/*': 'ref-pin' } } } } }).length, 0);
  });

  it('reports container actions without a tag', () => {
    const text = workflow('      - uses: docker://alpine\n');
    assert.equal(findingsOf(W, text, RULE).length, 1);
  });

  it('lints composite action steps', () => {
    const text = `name: x
description: y
runs:
  using: composite
  steps:
    - uses: actions/setup-node@main
`;
    const found = findingsOf('/repo/action.yml', text, RULE);
    assert.equal(found.length, 1);
  });

  it('honours zizmor ignore comments', () => {
    const text = workflow('      - uses: some-org/deploy@main # zizmor: ignore[unpinned-uses]\n');
    assert.deepEqual(findingsOf(W, text, RULE), []);
  });
});

describe('actions/unpinned-uses policies', () => {
  const text = workflow(`      - uses: actions/checkout@v4
      - uses: github/codeql-action/init@v3
      - uses: some-org/tool@main
`);
  it('matches owner/repo/*, owner/* and exact keys, most specific first; any accepts everything', () => {
    const cfg = (unpinnedUses: Record<string, string>) => ({ config: { domains: { actions: { unpinnedUses } } } });
    assert.deepEqual(findingsOf(W, text, RULE, cfg({ 'actions/*': 'hash-pin' })).map((f) => covered(text, f)), ['v4', 'main']);
    assert.deepEqual(findingsOf(W, text, RULE, cfg({ 'github/codeql-action/*': 'hash-pin' })).map((f) => covered(text, f)), ['v3', 'main']);
    assert.deepEqual(findingsOf(W, text, RULE, cfg({ 'Some-Org/tool': 'any' })).map((f) => covered(text, f)), []);
  });
});
