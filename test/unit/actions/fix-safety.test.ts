import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/text';
import type { Finding } from '../../../server/src/engine/types';
import { covered, findingsOf, fixOnce } from '../../helpers';

const W = '/repo/.github/workflows/ci.yml';

/** The finding of a rule on the token `token`. */
function findingOn(text: string, rule: string, token: string): Finding {
  const f = findingsOf(W, text, rule).find((x) => covered(text, x) === token);
  assert.ok(f, `no ${rule} finding on ${token}`);
  return f;
}

/** The rule's own fixes (the engine adds "Ignore ... here" fixes to every finding). */
const ownFixes = (f: Finding) => f.fixes.filter((x) => !x.title.startsWith('Ignore '));
const applied = (text: string, f: Finding) => applyEdits(text, f.fixes[0].edits).text;

describe('actions did-you-mean renames are safe only when the result is clean', () => {
  it('offers no rename onto a key the mapping already has', () => {
    const text = `name: CI
NAME: CI
on: push
concurrency:
  GROUP: ci
  group: ci
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - RUN: echo
        run: echo
`;
    for (const token of ['NAME', 'GROUP', 'RUN']) {
      const f = findingOn(text, 'actions/unknown-key', token);
      assert.match(f.message, /Did you mean/);
      assert.deepEqual(ownFixes(f), [], token);
    }
  });

  it('renames safely when the value suits the key', () => {
    const text = `on: push
concurrency:
  GROUP: ci
jobs:
  build:
    runs_on: ubuntu-latest
    steps:
      - run: make
`;
    const f = findingOn(text, 'actions/unknown-key', 'runs_on');
    assert.equal(f.fixes[0].safe, undefined);
    assert.equal(fixOnce(W, text, 'actions/unknown-key'), text.replace('GROUP', 'group'));
    assert.equal(applied(text, f), text.replace('runs_on', 'runs-on'));
  });

  it('marks a rename unsafe when the value does not fit the renamed key', () => {
    const text = `on: push
jobs:
  build:
    runs-on:
      GROUP: [a, b]
    steps:
      - run: make
`;
    const f = findingOn(text, 'actions/unknown-key', 'GROUP');
    assert.equal(f.fixes[0].title, 'Rename to "group"');
    assert.equal(f.fixes[0].safe, false);
    assert.equal(applied(text, f), text.replace('GROUP', 'group'));
  });

  it('marks a rename unsafe when the renamed key would be empty', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - RUN:
`;
    const f = findingOn(text, 'actions/unknown-key', 'RUN');
    assert.equal(f.fixes[0].safe, false);
    assert.equal(applied(text, f), text.replace('RUN', 'run'));
  });

  it('marks event renames unsafe when the renamed trigger has an empty value', () => {
    const text = `on:
  SCHEDULE:
  repository_dispatch:
    TYPES: []
  push:
    BRANCHES: []
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`;
    for (const [token, to] of [['SCHEDULE', 'schedule'], ['TYPES', 'types'], ['BRANCHES', 'branches']]) {
      const f = findingOn(text, 'actions/events', token);
      assert.equal(f.fixes[0].title, `Change to "${to}"`);
      assert.equal(f.fixes[0].safe, false, token);
      assert.equal(applied(text, f), text.replace(token, to));
    }
  });

  it('keeps event renames safe when the trigger is valid after them', () => {
    const text = `on:
  pull_requests:
    branches: [main]
  push:
    BRANCHES: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`;
    const event = findingOn(text, 'actions/events', 'pull_requests');
    assert.equal(event.fixes[0].safe, undefined);
    assert.equal(applied(text, event), text.replace('pull_requests', 'pull_request'));
    const filter = findingOn(text, 'actions/events', 'BRANCHES');
    assert.equal(filter.fixes[0].safe, undefined);
    assert.equal(applied(text, filter), text.replace('BRANCHES', 'branches'));
  });

  it('marks an event rename unsafe when the renamed trigger settings then fail', () => {
    const text = `on:
  pull_requests:
    BRANCHES: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`;
    assert.equal(findingOn(text, 'actions/events', 'pull_requests').fixes[0].safe, false);
  });

  it('offers no event rename onto a key the trigger already has', () => {
    const text = `on:
  push:
    BRANCHES: [main]
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`;
    assert.deepEqual(ownFixes(findingOn(text, 'actions/events', 'BRANCHES')), []);
  });

  it('marks a property did-you-mean unsafe when the corrected expression is an object inside a string', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo '\${{ github.events }}'
      - run: echo '\${{ github.event_nam }}'
`;
    const object = findingOn(text, 'actions/expression', 'events');
    assert.equal(object.fixes[0].title, 'Change to "event"');
    assert.equal(object.fixes[0].safe, false);
    const name = findingOn(text, 'actions/expression', 'event_nam');
    assert.equal(name.fixes[0].title, 'Change to "event_name"');
    assert.equal(name.fixes[0].safe, undefined);
    assert.equal(applied(text, name), text.replace('event_nam ', 'event_name '));
  });
});

describe('actions/artipacked fix', () => {
  it('offers no fix on a checkout step that also runs a script', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo hello
        uses: actions/checkout@v4
`;
    const [f] = findingsOf(W, text, 'actions/artipacked');
    assert.equal(covered(text, f), 'actions/checkout@v4');
    assert.deepEqual(ownFixes(f), []);
  });

  it('still adds with: to a plain checkout step', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
`;
    assert.equal(fixOnce(W, text, 'actions/artipacked'), `${text}        with:\n          persist-credentials: false\n`);
  });
});
