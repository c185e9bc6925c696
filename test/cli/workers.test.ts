import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** A repository big enough for the CLI to use threads: mixed kinds, some with findings, some fixable. */
function bigRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-workers-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  for (let i = 0; i < 320; i++) {
    const sub = path.join(dir, `svc${String(i).padStart(3, '0')}`);
    fs.mkdirSync(sub);
    if (i % 3 === 0) fs.writeFileSync(path.join(sub, 'Dockerfile'), i % 2 ? 'FROM node\nCMD node a.js\n' : 'FROM node:22-slim\nCMD ["node", "a.js"]\n');
    else if (i % 3 === 1) fs.writeFileSync(path.join(sub, 'deploy.yaml'), `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: nginx${i % 2 ? '' : ':1.27'}\n`);
    else fs.writeFileSync(path.join(dir, '.github', 'workflows', `w${i}.yml`), 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main\n');
  }
  return dir;
}

describe('shipshape lint with worker threads', () => {
  it('prints exactly what a single-threaded run prints, in the same order, with the same exit code', () => {
    const dir = bigRepo();
    for (const format of ['json', 'text', 'sarif']) {
      const one = run(['lint', '--format', format, '--jobs', '1', '.'], dir);
      const two = run(['lint', '--format', format, '--jobs', '2', '.'], dir);
      assert.equal(one.status, 1);
      assert.equal(two.status, one.status);
      assert.equal(two.stdout, one.stdout, format);
      assert.equal(two.stderr, one.stderr, format);
    }
    assert.equal(JSON.parse(run(['lint', '--format', 'json', '--jobs', '2', '.'], dir).stdout).files.length, 320);
  });

  it('--fix in threads writes the same files as single-threaded --fix', () => {
    const a = bigRepo();
    const b = bigRepo();
    const ra = run(['lint', '--fix', '--jobs', '1', '.'], a);
    const rb = run(['lint', '--fix', '--jobs', '2', '.'], b);
    assert.equal(rb.stderr, ra.stderr);
    assert.match(ra.stderr, /[1-9]\d* fixed/);
    const fixedA = fs.readFileSync(path.join(a, 'svc003', 'Dockerfile'), 'utf8');
    assert.equal(fixedA, 'FROM node\nCMD ["node", "a.js"]\n');
    assert.equal(fs.readFileSync(path.join(b, 'svc003', 'Dockerfile'), 'utf8'), fixedA);
  });

  it('rejects a bad --jobs value', () => {
    const r = run(['lint', '--jobs', '0', '.'], os.tmpdir());
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--jobs takes a positive whole number/);
  });
});
