import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_CONFIG, mergeConfig } from '../../../server/src/engine/config';
import { Engine } from '../../../server/src/engine/lint';
import { memoryWorkspace } from '../../../server/src/engine/workspace';
import type { Finding, WorkspaceReader } from '../../../server/src/engine/types';
import { createRegistry } from '../../../server/src/languages';
import { workflowParts } from '../../../server/src/actions/parts';
import { buildModel } from '../../../server/src/actions/model';
import { reuseRuns, typed, typingArb } from '../../robustness/inputs';

// Jobs with findings of many rules, several that depend on other jobs (needs, outputs, ids differing in case).
const JOBS = [
  (i: number) => `  build${i}:
    runs-on: ubuntu-latest
    outputs:
      tag: \${{ steps.meta.outputs.tag }}
    steps:
      - uses: actions/checkout@v4
      - id: meta
        run: echo "tag=\${{ github.event.issue.title }}" >> "$GITHUB_OUTPUT"
      - run: npm install
      - uses: actions/setup-node@v4
        with:
          node-versio: 20
      - uses: ./actions/local
        with:
          nme: x
      - run: echo "\${{ steps.meta.outputs.nope }} \${{ steps.missing.outputs.x }}"
`,
  (i: number) => `  test${i}:
    needs: [build${i}]
    runs-on: [self-hosted, gpu-xl]
    timeout-minutes: 10
    strategy:
      matrix:
        os: [ubuntu-latest, ubuntu-latest]
    steps:
      - run: echo "\${{ needs.build${i}.outputs.tag }} \${{ needs.build${i}.outputs.missing }} \${{ matrix.os }}"
      - run: echo "::set-output name=a::b"
        shell: bsh
      - uses: actions/cache@v3
        with:
          path: x
          key: \${{ runner.os }}
`,
  (i: number) => `  Deploy${i}:
    if: \${{ true }}
    needs: [test${i}, nowhere]
    permissions: write-all
    runs-on: ubuntu-latest
    env:
      TOKEN: ghp_abcdefghijklmnopqrstuvwxyz0123456789
    steps:
      - run: kubectl apply -f k8s/ && docker push registry/app:\${{ github.sha }}
      - uses: docker/build-push-action@v5
        with:
          push: true
`,
  (i: number) => `  deploy${i}:
    runs-on: windows-latest
    container:
      image: node
      credentials:
        password: hunter2
    steps:
      - run: pip install requests
      - run: echo hi
        unknown: 1
      - uses: actions/setup-python@v5
      - uses: actions/setup-go@v3
      - run: npm install
        working-directory: web
    services: {}
`,
  (i: number) => `  call${i}:
    uses: ./.github/workflows/reusable.yml
    with:
      flag: 1
    secrets: inherit
`,
];

function workflow(jobs: number, header = ''): string {
  const out = [`name: ci\non:\n  pull_request_target:\n  push:\n    branches: [main]\n  workflow_dispatch:\n    inputs:\n      level:\n        type: choice\n        options: [a, b]\n${header}jobs:\n`];
  for (let i = 0; i < jobs; i++) {
    if (i % 4 === 3) out.push('\n  # a comment between jobs\n');
    out.push(JOBS[i % JOBS.length](Math.floor(i / JOBS.length)));
  }
  return out.join('');
}

const registry = createRegistry();
const config = mergeConfig(DEFAULT_CONFIG, { profile: 'all' });
const FILES = {
  '/ws/package-lock.json': '{}',
  '/ws/web/package-lock.json': '{}',
  '/ws/requirements.txt': 'x',
  '/ws/go.sum': 'x',
  '/ws/actions/local/action.yml': 'name: local\ninputs:\n  name:\n    required: true\noutputs:\n  out:\n    description: x\nruns:\n  using: node16\n  main: index.js\n',
  '/ws/.github/workflows/reusable.yml': 'on:\n  workflow_call:\n    inputs:\n      flag:\n        type: string\n    outputs:\n      result:\n        value: x\njobs: {}\n',
  '/ws/.github/actionlint.yaml': 'self-hosted-runner:\n  labels: [gpu]\n',
};
const PATH = '/ws/.github/workflows/ci.yml';

function lintWith(engine: Engine, text: string, reuseFindings: boolean, workspace: WorkspaceReader): Finding[] {
  return engine.lint({ path: PATH, text, kind: 'workflow', config, workspace, reuseFindings }).findings;
}

/** One editing session: every version linted with reuse must equal a fresh lint of the same text. */
function session(versions: Array<string | { text: string; workspace: WorkspaceReader }>): void {
  const reusing = new Engine(registry);
  for (const [n, v] of versions.entries()) {
    const { text, workspace } = typeof v === 'string' ? { text: v, workspace: memoryWorkspace(FILES, '/ws') } : v;
    const fresh = lintWith(new Engine(registry), text, false, workspace);
    assert.deepEqual(lintWith(reusing, text, true, workspace), fresh, `version ${n}`);
  }
}

const typing = typingArb(['x', ' ', '\n', '-', ':', '#', '"', '${{', '}}', '  ', 'needs: [build0]\n    ', 'tag', 'Build0', '&a ', '*a']);

describe('finding reuse across versions (workflows, per job)', () => {
  const base = workflow(25);

  it('splits a workflow into its header and one part per job', () => {
    const parts = workflowParts(buildModel(base, 'workflow'))!;
    assert.equal(parts.length, 26);
    assert.ok(parts[1].key.startsWith('  build0:'));
    assert.equal(parts.map((p) => p.key).join(''), base);
    // Anchors, top-level keys after jobs, parse errors: no split.
    assert.equal(workflowParts(buildModel(base.replace('runs-on: ubuntu-latest', 'runs-on: &r ubuntu-latest'), 'workflow')), undefined);
    assert.equal(workflowParts(buildModel(`${base}env:\n  A: 1\n`, 'workflow')), undefined);
    assert.equal(workflowParts(buildModel(`${base}  x: [\n`, 'workflow')), undefined);
  });

  it('finds the same as a fresh lint after edits to one job, and to facts other jobs read', () => {
    const edit = (text: string, from: string, to: string) => {
      assert.ok(text.includes(from), from);
      return text.replace(from, to);
    };
    session([
      base,
      base,
      edit(base, 'echo hi', 'echo hix'),
      base,
      edit(base, 'tag: ${{ steps.meta.outputs.tag }}', 'tog: ${{ steps.meta.outputs.tag }}'), // an output other jobs read
      edit(base, '  build0:', '  build9:'), // a job id others need
      edit(base, '  test0:', '  Build0:'), // ids that differ in case
      edit(base, '  push:\n', '  issues:\n'), // the header: triggers
      edit(base, 'jobs:\n', 'permissions: {}\njobs:\n'),
      edit(base, 'needs: [build0]', 'needs: [build0, test1]'),
      edit(base, '    runs-on: windows-latest', '    permissions: {}\n    runs-on: windows-latest'),
      edit(base, 'runs-on: [self-hosted, gpu-xl]', 'runs-on: &r [self-hosted, gpu-xl]'),
      base,
      edit(base, '      - uses: actions/checkout@v4\n', '      - uses: aquasecurity/trivy-action@0.20.0\n'), // a scan silences image-scan elsewhere
      base,
      edit(base, '    steps:\n', '    steps:\n      - run: x\n').replace('  # a comment between jobs\n', ''),
      base + '  tail:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ needs.build0.outputs.tag }}"\n',
      base,
    ]);
  });

  it('follows changes of the workspace files rules read, for the same text', () => {
    const without = (name: string) => memoryWorkspace(Object.fromEntries(Object.entries(FILES).filter(([k]) => k !== name)), '/ws');
    const changed = memoryWorkspace({ ...FILES, '/ws/actions/local/action.yml': 'name: local\ninputs:\n  nme: {}\nruns:\n  using: node20\n  main: index.js\n' }, '/ws');
    session([
      base,
      { text: base, workspace: without('/ws/package-lock.json') },
      { text: base, workspace: without('/ws/web/package-lock.json') },
      { text: base, workspace: without('/ws/requirements.txt') },
      base,
      { text: base, workspace: without('/ws/go.sum') },
      base,
      { text: base, workspace: changed },
      { text: base, workspace: without('/ws/.github/actionlint.yaml') },
      { text: base, workspace: without('/ws/.github/workflows/reusable.yml') },
      base,
    ]);
  });

  it('finds the same as a fresh lint while typing anywhere', () => {
    fc.assert(
      fc.property(typing, (edits) => session([base, ...typed(base, edits)])),
      { seed: 5, numRuns: reuseRuns(15) },
    );
  });
});
