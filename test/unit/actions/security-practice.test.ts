import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf, fixOnce } from '../../helpers';
import { job, W } from './security-fixtures';

const LOCK = { '/repo/package-lock.json': '{}' };

describe('actions/npm-ci', () => {
  it('reports npm install (no package names) when a lockfile exists, and fixes it', () => {
    const text = job(`      - run: |
          npm install --no-audit
          npm install left-pad
          npm i && npm test
`);
    const found = findingsOf(W, text, 'actions/npm-ci', { files: LOCK });
    assert.deepEqual(found.map((f) => covered(text, f)), ['npm install', 'npm i']);
    assert.equal(fixOnce(W, text, 'actions/npm-ci', { files: LOCK }).split('\n')[8], '          npm ci --no-audit');
    assert.deepEqual(findingsOf(W, text, 'actions/npm-ci'), [], 'no lockfile, no finding');
  });

  it('looks for the lockfile in the working directory', () => {
    const text = job(`      - run: npm install
        working-directory: web
`);
    assert.deepEqual(findingsOf(W, text, 'actions/npm-ci', { files: LOCK }), []);
    assert.equal(findingsOf(W, text, 'actions/npm-ci', { files: { '/repo/web/package-lock.json': '{}' } }).length, 1);
  });
});

describe('actions/unpinned-packages (zizmor/unpinned-packages)', () => {
  it('reports unpinned pip, npm and gem packages and npx -y; not requirement files or pinned versions', () => {
    const text = job(`      - run: |
          pip install requests flask==3.0.0
          python -m pip install -r requirements.txt
          pip install --upgrade pip
          pip install -e .
          npm install -g typescript@5.6.2 eslint
          npm install
          gem install bundler -v 2.5.0
          gem install rake
          npx -y cowsay hi
`);
    const found = findingsOf(W, text, 'actions/unpinned-packages');
    assert.deepEqual(found.map((f) => covered(text, f)), ['pip install requests flask==3.0.0', 'npm install -g typescript@5.6.2 eslint', 'gem install rake', 'npx -y']);
    assert.deepEqual(found.map((f) => f.message.split(' is ')[0]), ['requests', 'eslint', 'rake', '`npx -y` runs whatever version of the package']);
    assert.deepEqual(found[0].aliases, ['zizmor/unpinned-packages']);
  });
});

describe('actions/setup-cache', () => {
  it('suggests cache: for setup-node with the lockfile\'s package manager, and adds it', () => {
    const text = job(`      - uses: actions/setup-node@v4
        with:
          node-version: 22
`);
    const files = { '/repo/pnpm-lock.yaml': '' };
    const found = findingsOf(W, text, 'actions/setup-cache', { files });
    assert.deepEqual(found.map((f) => covered(text, f)), ['actions/setup-node@v4']);
    assert.equal(fixOnce(W, text, 'actions/setup-cache', { files }), job(`      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: pnpm
`));
  });

  it('is silent without a lockfile, with cache:, or with an actions/cache keyed on hashFiles', () => {
    const files = { '/repo/requirements.txt': '' };
    assert.deepEqual(findingsOf(W, job('      - uses: actions/setup-node@v4\n'), 'actions/setup-cache'), []);
    assert.deepEqual(findingsOf(W, job('      - uses: actions/setup-python@v5\n        with: { cache: pip }\n'), 'actions/setup-cache', { files }), []);
    const cached = job(`      - uses: actions/cache@v4
        with:
          path: ~/.cache/pip
          key: pip-\${{ hashFiles('requirements.txt') }}
      - uses: actions/setup-python@v5
`);
    assert.deepEqual(findingsOf(W, cached, 'actions/setup-cache', { files }), []);
    assert.equal(findingsOf(W, job('      - uses: actions/setup-python@v5\n'), 'actions/setup-cache', { files }).length, 1);
  });
});

describe('actions/job-timeout', () => {
  it('reports jobs without timeout-minutes and adds the configured default', () => {
    const text = job('      - run: make\n');
    const found = findingsOf(W, text, 'actions/job-timeout');
    assert.deepEqual(found.map((f) => covered(text, f)), ['a']);
    assert.equal(fixOnce(W, text, 'actions/job-timeout'), job('      - run: make\n').replace('    steps:\n      - run: make\n', '    steps:\n      - run: make\n    timeout-minutes: 30\n'));
    const custom = fixOnce(W, text, 'actions/job-timeout', { config: { domains: { actions: { defaultTimeoutMinutes: 10 } } } });
    assert.match(custom, /timeout-minutes: 10\n$/);
    assert.deepEqual(findingsOf(W, job('      - run: make\n', 'push', '    timeout-minutes: 5\n'), 'actions/job-timeout'), []);
    assert.deepEqual(found[0].aliases, ['zizmor/timeout-minutes']);
  });

  it('skips jobs whose every step is bounded; zizmor reports partly bounded jobs per step, so no alias then', () => {
    assert.deepEqual(findingsOf(W, job('      - run: make\n        timeout-minutes: 5\n'), 'actions/job-timeout'), []);
    const partly = findingsOf(W, job('      - run: make\n        timeout-minutes: 5\n      - run: test\n'), 'actions/job-timeout');
    assert.equal(partly.length, 1);
    assert.deepEqual(partly[0].aliases, []);
  });
});

describe('actions/image-scan and actions/deploy-rollback', () => {
  it('reports pushed images without a scanner', () => {
    const push = `      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: o/i:1
`;
    const found = findingsOf(W, job(push), 'actions/image-scan');
    assert.deepEqual(found.map((f) => covered(job(push), f)), ['docker/build-push-action@v6']);
    assert.deepEqual(findingsOf(W, job(push + '      - uses: aquasecurity/trivy-action@0.28.0\n'), 'actions/image-scan'), []);
  });

  it('reports deploy jobs without a way back (strict profile)', () => {
    const text = job('      - run: helm upgrade app ./chart\n');
    assert.deepEqual(findingsOf(W, text, 'actions/deploy-rollback').map((f) => covered(text, f)), ['a']);
    assert.deepEqual(findingsOf(W, job('      - run: helm upgrade --atomic app ./chart\n'), 'actions/deploy-rollback'), []);
  });
});
