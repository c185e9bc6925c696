import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cli-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const BAD_DOCKERFILE = 'FROM node\nCMD node server.js\nUSER node\n';
const GOOD_DOCKERFILE = 'FROM node:22.11-slim\nUSER node\nCMD ["node", "server.js"]\n';
const WORKFLOW = 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main\n        with:\n          persist-credentials: false\n    timeout-minutes: 10\n';

describe('shipshape lint', () => {
  it('prints text findings as path:line:col: severity message [rule] and exits 1', () => {
    const dir = repo({ Dockerfile: BAD_DOCKERFILE });
    const r = run(['lint', '.'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'Dockerfile:1:6: warning Base image "node" has no tag: pin a version, e.g. node:<version>. [dockerfile/untagged-image]',
      'Dockerfile:2:5: warning CMD uses shell form; use JSON form, e.g. CMD ["node", "server.js"], so the process receives signals. [dockerfile/json-args]',
    ]);
    assert.match(r.stderr, /1 file checked: 0 errors, 2 warnings/);
  });

  it('exits 0 on clean files', () => {
    const dir = repo({ Dockerfile: GOOD_DOCKERFILE });
    const r = run(['lint', 'Dockerfile'], dir);
    assert.equal(r.stdout, '');
    assert.equal(r.code, 0);
  });

  it('prints the JSON contract exactly', () => {
    const dir = repo({ 'Dockerfile': BAD_DOCKERFILE, '.github/workflows/ci.yml': WORKFLOW, 'README.md': '# hi\n' });
    const r = run(['lint', '--format', 'json', '.'], dir);
    assert.equal(r.code, 1);
    const data = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(data), ['version', 'files']);
    assert.equal(data.version, 1);
    assert.deepEqual(data.files.map((f: { path: string; kind: string }) => [f.path, f.kind]), [
      ['.github/workflows/ci.yml', 'workflow'],
      ['Dockerfile', 'dockerfile'],
    ]);
    assert.deepEqual(data.files[1].findings[1], {
      rule: 'dockerfile/json-args',
      aliases: ['DL3025', 'JSONArgsRecommended'],
      severity: 'warning',
      message: 'CMD uses shell form; use JSON form, e.g. CMD ["node", "server.js"], so the process receives signals.',
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 19,
      fixable: true,
    });
    assert.deepEqual(Object.keys(data.files[0].findings[0]), ['rule', 'aliases', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
  });

  it('prints GitHub annotations', () => {
    const dir = repo({ '.github/workflows/ci.yml': WORKFLOW });
    const r = run(['lint', '--format=github', '.'], dir);
    assert.equal(
      r.stdout.trim(),
      '::warning file=.github/workflows/ci.yml,line=7,col=32,endLine=7,endColumn=36,title=actions/unpinned-uses::"actions/checkout" is pinned to the branch "main", which can change under you: pin a commit SHA.',
    );
  });

  it('prints SARIF 2.1.0 with rules, help URIs and stable fingerprints', () => {
    const dir = repo({ Dockerfile: BAD_DOCKERFILE });
    const first = JSON.parse(run(['lint', '--format', 'sarif', '.'], dir).stdout);
    assert.equal(first.version, '2.1.0');
    const runObj = first.runs[0];
    assert.deepEqual(runObj.tool.driver.rules.map((r: { id: string }) => r.id), ['dockerfile/untagged-image', 'dockerfile/json-args']);
    assert.match(runObj.tool.driver.rules[0].helpUri, /docs\/rules\/dockerfile\/untagged-image\.md$/);
    assert.equal(runObj.results[1].locations[0].physicalLocation.region.startLine, 2);
    // Adding a line above moves the finding but keeps its fingerprint.
    fs.writeFileSync(path.join(dir, 'Dockerfile'), '# a comment\n' + BAD_DOCKERFILE);
    const second = JSON.parse(run(['lint', '--format', 'sarif', '.'], dir).stdout);
    assert.equal(second.runs[0].results[1].locations[0].physicalLocation.region.startLine, 3);
    assert.deepEqual(second.runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints), runObj.results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints));
  });

  it('--fix rewrites files in place and reports what remains', () => {
    const dir = repo({ Dockerfile: BAD_DOCKERFILE });
    const r = run(['lint', '--fix', '.'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM node\nCMD ["node", "server.js"]\nUSER node\n');
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.match(r.stdout, /untagged-image/);
    assert.match(r.stderr, /1 fixed/);
    assert.equal(r.code, 1);
    const again = run(['lint', '--fix', '.'], dir);
    assert.match(again.stderr, /0 fixed/);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM node\nCMD ["node", "server.js"]\nUSER node\n');
  });

  it('walks folders, skipping node_modules, .git and .gitignored paths', () => {
    const dir = repo({
      '.gitignore': 'build/\n*.generated.yaml\n',
      'svc/Dockerfile': BAD_DOCKERFILE,
      'node_modules/x/Dockerfile': BAD_DOCKERFILE,
      'build/Dockerfile': BAD_DOCKERFILE,
      'k8s/pod.generated.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n',
      'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: "nginx:1.27", livenessProbe: {}, readinessProbe: {}}]\n',
    });
    const data = JSON.parse(run(['lint', '--format', 'json', '.'], dir).stdout);
    assert.deepEqual(data.files.map((f: { path: string }) => f.path), ['k8s/pod.yaml', 'svc/Dockerfile']);
  });

  it('--kind forces the kind, --max-warnings relaxes the exit code, --rules all and --profile are accepted', () => {
    const dir = repo({ 'build.txt': BAD_DOCKERFILE });
    assert.equal(JSON.parse(run(['lint', '--format', 'json', 'build.txt'], dir).stdout).files.length, 0);
    const forced = run(['lint', '--kind', 'dockerfile', '--format', 'json', 'build.txt'], dir);
    assert.equal(JSON.parse(forced.stdout).files[0].findings.length, 2);
    assert.equal(run(['lint', '--kind', 'dockerfile', '--max-warnings', '2', 'build.txt'], dir).code, 0);
    assert.equal(run(['lint', '--kind', 'dockerfile', '--max-warnings', '1', 'build.txt'], dir).code, 1);
    assert.equal(run(['lint', '--kind', 'dockerfile', '--rules', 'all', '--profile', 'strict', 'build.txt'], dir).code, 1);
  });

  it('uses .shipshape.yaml and --config', () => {
    const dir = repo({ Dockerfile: BAD_DOCKERFILE, '.shipshape.yaml': 'rules:\n  DL3006: off\n', 'other.yaml': 'rules:\n  DL3025: off\n' });
    const nearest = JSON.parse(run(['lint', '--format', 'json', 'Dockerfile'], dir).stdout);
    assert.deepEqual(nearest.files[0].findings.map((f: { rule: string }) => f.rule), ['dockerfile/json-args']);
    const explicit = JSON.parse(run(['lint', '--format', 'json', '--config', 'other.yaml', 'Dockerfile'], dir).stdout);
    assert.deepEqual(explicit.files[0].findings.map((f: { rule: string }) => f.rule), ['dockerfile/untagged-image']);
  });

  it('exits 2 with a message on usage and I/O errors', () => {
    const dir = repo({});
    for (const args of [['lint'], ['lint', '--format', 'xml', '.'], ['lint', '--bogus', '.'], ['frobnicate'], ['lint', '--max-warnings', 'x', '.']]) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^shipshape: /);
    }
    const missing = run(['lint', 'nope/Dockerfile'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\/Dockerfile: no such file or directory/);
    const badConfig = run(['lint', '--config', 'missing.yaml', '.'], dir);
    assert.equal(badConfig.code, 2);
    assert.match(badConfig.stderr, /cannot read config missing.yaml/);
  });

  it('lists rules as JSON', () => {
    const rules = JSON.parse(run(['rules', '--format', 'json'], os.tmpdir()).stdout);
    assert.ok(rules.some((r: { id: string; aliases: string[] }) => r.id === 'dockerfile/json-args' && r.aliases.includes('DL3025')));
  });
});
