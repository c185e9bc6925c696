import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function lint(files: Record<string, string>, ...args: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-toolcfg-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...args, '.'], { cwd: dir, encoding: 'utf8' });
  const findings = r.stdout ? (JSON.parse(r.stdout).files as Array<{ findings: Array<{ rule: string; severity: string; aliases: string[] }> }>).flatMap((f) => f.findings) : [];
  return { code: r.status, stderr: r.stderr, findings };
}

const DOCKERFILE = 'FROM debian:12.8\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN mkdir /app\nRUN echo done\nUSER 1000\nCMD ["curl"]\n';
const byAlias = (findings: Array<{ aliases: string[]; severity: string }>, alias: string) => findings.filter((f) => f.aliases.includes(alias));

describe('other tools\' config files carry over', () => {
  it('without .hadolint.yaml the example has DL3008 and DL3059 findings', () => {
    const r = lint({ Dockerfile: DOCKERFILE });
    assert.equal(byAlias(r.findings, 'DL3008').length, 1);
    assert.deepEqual(byAlias(r.findings, 'DL3059').map((f) => f.severity), ['info']);
  });

  it('.hadolint.yaml `ignored` turns rules off and `override` sets severities', () => {
    const r = lint({ Dockerfile: DOCKERFILE, '.hadolint.yaml': 'ignored:\n  - DL3008\n  - SC2086\noverride:\n  error:\n    - DL3059\nfailure-threshold: warning\n' });
    assert.equal(byAlias(r.findings, 'DL3008').length, 0);
    assert.deepEqual(byAlias(r.findings, 'DL3059').map((f) => f.severity), ['error']);
    assert.equal(r.stderr.includes('config:'), false, r.stderr);
  });

  it('.shipshape.yaml wins over .hadolint.yaml for the same code', () => {
    const r = lint({ Dockerfile: DOCKERFILE, '.hadolint.yaml': 'ignored: [DL3008]\n', '.shipshape.yaml': 'rules:\n  DL3008: error\n' });
    assert.deepEqual(byAlias(r.findings, 'DL3008').map((f) => f.severity), ['error']);
  });

  it('.hadolint.yaml trustedRegistries switches DL3026 on', () => {
    const r = lint({ Dockerfile: DOCKERFILE, '.hadolint.yaml': 'trustedRegistries:\n  - registry.example.com\n' });
    assert.equal(byAlias(r.findings, 'DL3026').length, 1);
  });

  it('reports an unknown code in .hadolint.yaml on stderr and still lints', () => {
    const r = lint({ Dockerfile: DOCKERFILE, '.hadolint.yaml': 'ignored: [DL9999]\n' });
    assert.match(r.stderr, /\.hadolint\.yaml: unknown rule "DL9999"/);
    assert.equal(r.code, 1);
  });

  it('.kube-linter.yaml excludes a check and includes an opt-in one', () => {
    const manifest = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 3', '  selector:', '    matchLabels: {app: web}',
      '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '        - name: web', '          image: nginx:latest', '',
    ].join('\n');
    const before = lint({ 'deploy.yaml': manifest });
    assert.ok(byAlias(before.findings, 'kube-linter/latest-tag').length > 0);
    assert.equal(byAlias(before.findings, 'kube-linter/no-anti-affinity').length, 0);
    const after = lint({ 'deploy.yaml': manifest, '.kube-linter.yaml': 'checks:\n  exclude: [latest-tag]\n  include: [no-anti-affinity]\n' });
    assert.equal(byAlias(after.findings, 'kube-linter/latest-tag').length, 0);
    assert.equal(byAlias(after.findings, 'kube-linter/no-anti-affinity').length, 1);
    assert.equal(after.stderr.includes('config:'), false, after.stderr);
  });
});
