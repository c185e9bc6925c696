import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf, fixOnce } from '../../helpers';

const W = '/repo/.github/workflows/ci.yml';
const RULE = 'actions/events';
const jobs = `jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`;

describe('actions/events (actionlint/events)', () => {
  it('reports unknown events and activity types with did-you-mean fixes', () => {
    const text = `on:
  pull_requests:
  issues:
    types: [opened, create]
${jobs}`;
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['pull_requests', 'create']);
    assert.deepEqual(found[0].aliases, ['actionlint/events']);
    assert.equal(fixOnce(W, text, RULE), text.replace('pull_requests', 'pull_request'));
  });

  it('reports filters an event does not take and exclusive pairs', () => {
    const text = `on:
  push:
    branches: [main]
    branches-ignore: [wip]
  release:
    tags: [v1]
${jobs}`;
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['branches-ignore', 'tags']);
    assert.match(found[0].message, /cannot both filter/);
    assert.match(found[1].message, /does not apply to the "release" event/);
  });

  it('checks cron syntax, frequency and time zones', () => {
    const text = `on:
  schedule:
    - cron: '*/2 * * * *'
    - cron: '0 25 * * *'
    - cron: '0 3 * *'
    - cron: '30 5 * * MON-FRI'
      timezone: Europe/Nowhere
    - cron: '*/5 * * * *'
      timezone: Asia/Tokyo
${jobs}`;
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ["'*/2 * * * *'", "'0 25 * * *'", "'0 3 * *'", 'Europe/Nowhere']);
    assert.match(found[0].message, /every 2 minutes/);
    assert.match(found[2].message, /needs 5 fields/);
  });

  it('checks workflow_dispatch and workflow_call inputs', () => {
    const text = `on:
  workflow_dispatch:
    inputs:
      level:
        type: choice
        options: [low, high]
        default: medium
      flag:
        type: boolean
        default: yes
      count:
        type: text
  workflow_call:
    inputs:
      name:
        required: true
        type: string
        default: x
      port:
        description: no type
${jobs}`;
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => [covered(text, f), f.severity]), [
      ['medium', 'error'],
      ['yes', 'error'],
      ['text', 'error'],
      ['x', 'warning'],
      ['port', 'error'],
    ]);
  });

  it('accepts common trigger shapes', () => {
    for (const on of ['on: push', 'on: [push, pull_request]', "on:\n  pull_request:\n    types: [opened, synchronize]\n    paths: ['src/**']\n  workflow_dispatch:\n  repository_dispatch:\n    types: [my-custom]"]) {
      assert.deepEqual(findingsOf(W, `${on}\n${jobs}`, RULE), [], on);
    }
  });
});

describe('actions/glob (actionlint/glob)', () => {
  it('reports patterns that cannot match', () => {
    const text = `on:
  push:
    branches: ['release/[0-9', '!', 'feature:x']
    paths: ['./src/**', 'docs/**']
${jobs}`;
    const found = findingsOf(W, text, 'actions/glob');
    assert.deepEqual(found.map((f) => f.message.split(':')[0]), ['Unclosed "["', '"!" must be followed by a pattern to exclude.', 'Character "', 'Path filters are matched against repository-relative paths']);
    assert.equal(covered(text, found[0]), '[0-9');
  });
});

describe('actions/permissions (actionlint/permissions)', () => {
  it('reports unknown scopes and levels, with a fix for near misses', () => {
    const text = `on: push
permissions:
  content: read
  id-token: read
${jobs}`;
    const found = findingsOf(W, text, 'actions/permissions');
    assert.deepEqual(found.map((f) => covered(text, f)), ['content', 'read']);
    assert.match(found[1].message, /use write, none/);
    assert.equal(fixOnce(W, text, 'actions/permissions'), text.replace('content:', 'contents:'));
  });

  it('accepts valid permission sets', () => {
    for (const p of ['read-all', 'write-all', '{}', '\n  contents: write\n  pull-requests: read']) {
      assert.deepEqual(findingsOf(W, `on: push\npermissions: ${p}\n${jobs}`, 'actions/permissions'), [], p);
    }
  });
});
