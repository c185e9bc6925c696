import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf, fixOnce } from '../../helpers';
import { job, W } from './security-fixtures';


describe('actions/dangerous-triggers (zizmor/dangerous-triggers)', () => {
  it('reports the trigger as info and checking out the PR head as a warning', () => {
    const text = job(`      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
`, 'pull_request_target');
    const found = findingsOf(W, text, 'actions/dangerous-triggers');
    assert.deepEqual(found.map((f) => [covered(text, f), f.severity]), [['pull_request_target', 'info'], ['${{ github.event.pull_request.head.sha }}', 'warning']]);
    assert.deepEqual(findingsOf(W, job('      - uses: actions/checkout@v4\n', 'pull_request'), 'actions/dangerous-triggers'), []);
    const mapForm = job('      - run: x\n', '\n  workflow_run:\n    workflows: [ci]\n    types: [completed]\n  push:');
    assert.deepEqual(findingsOf(W, mapForm, 'actions/dangerous-triggers').map((f) => covered(mapForm, f)), ['workflow_run']);
  });
});

describe('actions/excessive-permissions and actions/missing-permissions (zizmor/excessive-permissions)', () => {
  it('reports write-all and workflow-level write scopes', () => {
    const text = `on: push
permissions:
  contents: write
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: write-all
    steps: [{ run: x }]
  b:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`;
    const found = findingsOf(W, text, 'actions/excessive-permissions');
    assert.deepEqual(found.map((f) => covered(text, f)), ['write', 'write-all']);
    assert.match(found[0].message, /granted to all 2 jobs/);
    assert.deepEqual(findingsOf(W, text.replace('contents: write', 'contents: read').replace('permissions: write-all', 'permissions:\n      contents: write'), 'actions/excessive-permissions'), []);
  });

  it('reports a workflow without permissions and fixes it with the inferred scopes before jobs:', () => {
    const text = `on: push
# the jobs
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: github/codeql-action/upload-sarif@v3
`;
    const found = findingsOf(W, text, 'actions/missing-permissions');
    assert.deepEqual(found.map((f) => covered(text, f)), ['jobs']);
    assert.deepEqual(found[0].aliases, ['zizmor/excessive-permissions']);
    assert.equal(fixOnce(W, text, 'actions/missing-permissions'), `on: push
permissions:
  contents: read
  security-events: write
# the jobs
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: github/codeql-action/upload-sarif@v3
`);
    assert.deepEqual(findingsOf(W, job('      - run: x\n'), 'actions/missing-permissions'), []);
  });
});

describe('actions/artipacked (zizmor/artipacked)', () => {
  it('warns when a later step uploads the workspace and adds persist-credentials: false', () => {
    const text = job(`      - uses: actions/checkout@v4
      - uses: actions/upload-artifact@v4
        with: { name: x, path: . }
`);
    const found = findingsOf(W, text, 'actions/artipacked');
    assert.deepEqual(found.map((f) => [covered(text, f), f.severity]), [['actions/checkout@v4', 'warning']]);
    assert.equal(fixOnce(W, text, 'actions/artipacked'), job(`      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - uses: actions/upload-artifact@v4
        with: { name: x, path: . }
`));
  });

  it('is info otherwise (no fix when the job pushes) and silent with an explicit value', () => {
    const dist = findingsOf(W, job('      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with: { name: x, path: dist/ }\n'), 'actions/artipacked');
    assert.deepEqual(dist.map((f) => f.severity), ['info']);
    assert.deepEqual(findingsOf(W, job('      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n'), 'actions/artipacked'), []);
    const pushing = findingsOf(W, job('      - uses: actions/checkout@v4\n      - run: git push origin HEAD\n'), 'actions/artipacked');
    assert.deepEqual(pushing.map((f) => [f.severity, f.fixes.filter((x) => !x.title.includes('zizmor')).length]), [['info', 0]]);
  });
});

describe('actions/hardcoded-credentials', () => {
  it('reports literal registry passwords and token-looking env values', () => {
    const text = job('      - run: x\n', 'push', `    container:
      image: ghcr.io/o/i:1
      credentials:
        username: me
        password: hunter2
    services:
      db:
        image: postgres:16
        credentials:
          password: \${{ secrets.PW }}
    env:
      TOKEN: ghp_${'a'.repeat(36)}
`).replace('      - run: x\n', `      - uses: some/action@v1
        with:
          aws-key: AKIAABCDEFGHIJKLMNOP
`);
    const found = findingsOf(W, text, 'actions/hardcoded-credentials');
    assert.deepEqual(found.map((f) => covered(text, f)), ['hunter2', `ghp_${'a'.repeat(36)}`, 'AKIAABCDEFGHIJKLMNOP']);
    assert.deepEqual(found.map((f) => f.aliases), [['zizmor/hardcoded-credentials', 'zizmor/hardcoded-container-credentials'], [], []]);
    assert.equal(found[0].severity, 'error');
  });
});

describe('secrets audits', () => {
  it('reports secrets: inherit and toJSON(secrets)', () => {
    const text = `on: push
permissions: {}
jobs:
  call:
    uses: o/r/.github/workflows/x.yml@v1
    secrets: inherit
  b:
    runs-on: ubuntu-latest
    steps:
      - run: echo "$ALL"
        env:
          ALL: \${{ toJSON(secrets) }}
          ONE: \${{ secrets[matrix.name] }}
          OK: \${{ secrets['NPM'] }}
`;
    assert.deepEqual(findingsOf(W, text, 'actions/secrets-inherit').map((f) => covered(text, f)), ['inherit']);
    assert.deepEqual(findingsOf(W, text.replace('secrets: inherit', 'secrets:\n      token: ${{ secrets.TOKEN }}'), 'actions/secrets-inherit'), []);
    assert.deepEqual(findingsOf(W, text, 'actions/overprovisioned-secrets').map((f) => covered(text, f)), ['toJSON(secrets)', 'secrets']);
  });
});

describe('actions/cache-poisoning (zizmor/cache-poisoning)', () => {
  it('reports cache restores in release workflows only', () => {
    const steps = `      - uses: actions/setup-node@v4
        with:
          cache: npm
      - uses: actions/setup-go@v5
      - uses: actions/setup-python@v5
`;
    const text = job(steps, 'release');
    assert.deepEqual(findingsOf(W, text, 'actions/cache-poisoning').map((f) => covered(text, f)), ['actions/setup-node@v4', 'actions/setup-go@v5']);
    assert.deepEqual(findingsOf(W, job(steps, 'pull_request'), 'actions/cache-poisoning'), []);
  });

  it('reports cache restores in jobs that publish, whatever the trigger', () => {
    const text = job(`      - uses: actions/setup-python@v5
        with:
          cache: pip
      - uses: pypa/gh-action-pypi-publish@release/v1
`);
    const found = findingsOf(W, text, 'actions/cache-poisoning');
    assert.deepEqual(found.map((f) => covered(text, f)), ['actions/setup-python@v5']);
    assert.match(found[0].message, /^This publishing job restores a cache/);
  });
});

describe('actions/github-env (zizmor/github-env)', () => {
  it('reports GITHUB_ENV/GITHUB_PATH writes under privileged triggers', () => {
    const text = job(`      - run: |
          echo "X=$(cat pr.txt)" >> "$GITHUB_ENV"
          echo "$GITHUB_ENV is a file"
`, 'workflow_run');
    const found = findingsOf(W, text, 'actions/github-env');
    assert.deepEqual(found.map((f) => [covered(text, f), f.range.start.line]), [['GITHUB_ENV', 8]]);
    assert.deepEqual(findingsOf(W, job('      - run: echo X=1 >> $GITHUB_ENV\n'), 'actions/github-env'), []);
  });
});

describe('actions/bot-conditions and actions/unsound-contains', () => {
  it('reports spoofable actor checks with a fix', () => {
    const text = job(`      - if: github.actor == 'dependabot[bot]' && true
        run: x
`, 'pull_request_target');
    const found = findingsOf(W, text, 'actions/bot-conditions');
    assert.deepEqual(found.map((f) => covered(text, f)), ['github.actor']);
    const fixed = fixOnce(W, text, 'actions/bot-conditions');
    assert.match(fixed, /if: github\.event\.pull_request\.user\.login == 'dependabot\[bot\]' && true/);
    assert.deepEqual(findingsOf(W, fixed, 'actions/bot-conditions'), []);
  });

  it('reports contains() on a string literal and rewrites it to a list', () => {
    const text = job(`      - if: \${{ contains('refs/heads/main refs/heads/dev', github.ref) }}
        run: x
      - if: contains(fromJSON('["a"]'), github.ref)
        run: y
`);
    const found = findingsOf(W, text, 'actions/unsound-contains');
    assert.deepEqual(found.map((f) => covered(text, f)), ["contains('refs/heads/main refs/heads/dev', github.ref)"]);
    assert.match(fixOnce(W, text, 'actions/unsound-contains'), /contains\(fromJSON\('\["refs\/heads\/main", "refs\/heads\/dev"\]'\), github\.ref\)/);
  });
});

describe('env and image audits', () => {
  it('reports ACTIONS_ALLOW_UNSECURE_COMMANDS, unpinned images and (opt-in) self-hosted runners', () => {
    const text = `on: push
permissions: {}
env:
  ACTIONS_ALLOW_UNSECURE_COMMANDS: true
jobs:
  a:
    runs-on: [self-hosted, linux]
    container: node
    services:
      redis:
        image: redis:latest
      pg:
        image: postgres:16
    steps: [{ run: x }]
`;
    assert.deepEqual(findingsOf(W, text, 'actions/insecure-commands').map((f) => covered(text, f)), ['ACTIONS_ALLOW_UNSECURE_COMMANDS']);
    assert.deepEqual(findingsOf(W, text.replace('COMMANDS: true', 'COMMANDS: false'), 'actions/insecure-commands'), []);
    const images = findingsOf(W, text, 'actions/unpinned-images');
    assert.deepEqual(images.map((f) => covered(text, f)), ['node', 'redis:latest']);
    assert.match(images[0].message, /has no tag/);
    assert.deepEqual(findingsOf(W, text, 'actions/self-hosted-runner').map((f) => covered(text, f)), ['[self-hosted, linux]']);
  });
});

describe('zizmor ignore comments', () => {
  const apply = async (text: string, ruleId: string) => {
    const { applyEdits } = await import('../../../server/src/engine/text');
    const f = findingsOf(W, text, ruleId)[0];
    const fix = f.fixes.find((x) => x.title.includes('zizmor comment'))!;
    assert.equal(fix.safe, false);
    return applyEdits(text, fix.edits).text;
  };

  it('offers the comment on the block header for findings inside run: blocks, and it suppresses them', async () => {
    const text = job(`      - run: |
          echo "\${{ github.event.issue.title }}"
`, 'issues');
    const fixed = await apply(text, 'actions/template-injection');
    assert.equal(fixed.split('\n')[7], '      - run: | # zizmor: ignore[template-injection]');
    assert.deepEqual(findingsOf(W, fixed, 'actions/template-injection'), []);
  });

  it('extends an existing zizmor comment', async () => {
    const text = job(`      - uses: some-org/act@main # zizmor: ignore[artipacked]
`);
    const fixed = await apply(text, 'actions/unpinned-uses');
    assert.equal(fixed.split('\n')[7], '      - uses: some-org/act@main # zizmor: ignore[artipacked,unpinned-uses]');
    assert.deepEqual(findingsOf(W, fixed, 'actions/unpinned-uses'), []);
  });
});

describe('actions/archived-uses, actions/unredacted-secrets, actions/use-trusted-publishing', () => {
  it('reports archived action repositories with their replacement', () => {
    const text = job('      - uses: actions-rs/toolchain@v1\n      - uses: actions/create-release@v1\n      - uses: actions/checkout@v4\n');
    const found = findingsOf(W, text, 'actions/archived-uses');
    assert.deepEqual(found.map((f) => covered(text, f)), ['actions-rs/toolchain@v1', 'actions/create-release@v1']);
    assert.equal(found[0].message, 'actions-rs/toolchain is archived and no longer maintained: use dtolnay/rust-toolchain or `rustup`.');
  });

  it('reports fields taken out of JSON secrets', () => {
    const text = job(`      - run: login
        env:
          PW: \${{ fromJSON(secrets.DB).password }}
          WHOLE: \${{ secrets.DB }}
`);
    assert.deepEqual(findingsOf(W, text, 'actions/unredacted-secrets').map((f) => covered(text, f)), ['fromJSON(secrets.DB).password']);
  });

  it('reports token-based publishing where trusted publishing exists', () => {
    const text = job(`      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: \${{ secrets.PYPI }}
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM }}
      - run: cargo publish
`);
    const found = findingsOf(W, text, 'actions/use-trusted-publishing');
    assert.deepEqual(found.map((f) => covered(text, f)), ['password', 'npm publish']);
    assert.equal(found[1].message, 'npm supports trusted publishing (OIDC): publish without a long-lived token.');
  });
});
