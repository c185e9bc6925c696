import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf, fixOnce } from '../../helpers';

const W = '/repo/.github/workflows/ci.yml';
const RULE = 'actions/template-injection';

describe('actions/template-injection (zizmor/template-injection)', () => {
  it('reports untrusted event fields in run: on the whole ${{ }} span, as errors on outside triggers', () => {
    const text = `on: issue_comment
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "\${{ github.event.issue.title }}"
          echo \${{ github.event.comment.body }}
          echo "\${{ github.event.issue.number }} \${{ contains(github.event.issue.title, 'x') }}"
`;
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['${{ github.event.issue.title }}', '${{ github.event.comment.body }}']);
    assert.equal(found[0].severity, 'error');
    assert.equal(found[0].message, 'github.event.issue.title is controlled by whoever triggers the workflow and is pasted into this script as code: pass it through an environment variable.');
    assert.deepEqual(found[0].aliases, ['zizmor/template-injection', 'actionlint/expression']);
  });

  it('follows env variables and step outputs, and checks github-script', () => {
    const text = `on: pull_request_target
jobs:
  a:
    runs-on: ubuntu-latest
    env:
      BRANCH: \${{ github.head_ref }}
    steps:
      - id: meta
        run: echo "title=\${{ github.event.pull_request.title }}" >> "$GITHUB_OUTPUT"
      - run: echo \${{ env.BRANCH }} \${{ steps.meta.outputs.title }}
      - uses: actions/github-script@v7
        with:
          script: console.log("\${{ github.event.pull_request.body }}")
`;
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), [
      '${{ github.event.pull_request.title }}',
      '${{ env.BRANCH }}',
      '${{ steps.meta.outputs.title }}',
      '${{ github.event.pull_request.body }}',
    ]);
    assert.match(found[1].message, /^env\.BRANCH \(it carries github\.head_ref\)/);
    assert.deepEqual(found[1].aliases, ['zizmor/template-injection']);
    assert.match(found[3].message, /github-script/);
  });

  it('is a warning in composite actions and on push-only workflows; safe contexts are silent', () => {
    const action = `name: x
description: y
runs:
  using: composite
  steps:
    - run: echo "\${{ github.event.head_commit.message }}"
      shell: bash
`;
    assert.equal(findingsOf('/repo/action.yml', action, RULE)[0].severity, 'warning');
    const safe = `on: pull_request
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.number }} \${{ github.sha }} \${{ inputs.x }}"
`;
    assert.deepEqual(findingsOf(W, safe, RULE), []);
  });

  it('fix: moves the expression into a new env: and quotes the reference', () => {
    const text = `on: issues
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: greet # keep me
        run: |
          echo \${{ github.event.issue.title }}
`;
    assert.equal(fixOnce(W, text, RULE), `on: issues
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: greet # keep me
        run: |
          echo "\${ISSUE_TITLE}"
        env:
          ISSUE_TITLE: \${{ github.event.issue.title }}
`);
  });

  it('fix: merges into an existing env: and adapts to the quoting around the expression', () => {
    const text = `on: issues
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - env:
          OTHER: 1
        run: echo "Title - \${{ github.event.issue.title }}"
`;
    assert.equal(fixOnce(W, text, RULE), `on: issues
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - env:
          OTHER: 1
          ISSUE_TITLE: \${{ github.event.issue.title }}
        run: echo "Title - \${ISSUE_TITLE}"
`);
  });

  it('fix: an env.X reference becomes the shell variable itself', () => {
    const text = `on: pull_request
env:
  REF: \${{ github.head_ref }}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: git checkout '\${{ env.REF }}'
`;
    assert.equal(fixOnce(W, text, RULE).split('\n')[7], `      - run: git checkout "\${REF}"`);
  });

  it('honours zizmor ignore comments on the opening line of the run block', () => {
    const text = `on: issues
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: | # zizmor: ignore[template-injection]
          echo "\${{ github.event.issue.title }}"
`;
    assert.deepEqual(findingsOf(W, text, RULE), []);
  });
});

describe('expression scanner', () => {
  it('normalises indexes, keeps literal keys and finds paths used as indexes', async () => {
    const { contextPaths } = await import('../../../server/src/actions/expr-scan');
    const inner = " github.event.pages[github.event.commits[0].author.name].page_name == 'github.x' && env['MY_VAR'] ";
    assert.deepEqual(contextPaths(inner).map((p) => p.path), [
      'github.event.pages.*.page_name',
      'github.event.commits.*.author.name',
      'env.my_var',
    ]);
    assert.deepEqual(contextPaths('toJSON(github.event.issue)').map((p) => p.path), ['github.event.issue']);
  });

  it('reports every untrusted path of one expression in one finding', () => {
    const text = `on: gollum
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ github.event.pages[github.event.issue.title].page_name }}
`;
    const found = findingsOf(W, text, RULE);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^github\.event\.pages\.\*\.page_name, github\.event\.issue\.title are controlled/);
  });
});
