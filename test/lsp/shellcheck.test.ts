// ShellCheck in the editor runs in the background: the first publish of a version does not wait for it, and its
// findings arrive in a second publish of the same version. Skipped when no `shellcheck` binary is installed.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestClient } from './client';

const hasShellcheck = !spawnSync('shellcheck', ['--version']).error;
const URI = 'file:///tmp/shipshape-lsp-shellcheck/Dockerfile';
const codes = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.map((d) => String(d.code));

describe('language server: ShellCheck findings in a second publish', { skip: hasShellcheck ? false : 'no shellcheck binary' }, () => {
  let c: TestClient;
  before(async () => {
    c = await startServer({ pull: false });
  });
  after(() => c.stop());

  it('publishes the other findings first, then the same version again with ShellCheck findings', async () => {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dockerfile', version: 1, text: 'FROM debian:12\nRUN cd /app; make\nUSER app\n' } });
    const first = await c.waitForDiagnostics(URI, 1);
    assert.deepEqual(first.map((d) => d.code), ['dockerfile/cd-instead-of-workdir']);
    const second = await c.waitForPublish((p) => p.uri === URI && p.version === 1 && codes(p).includes('dockerfile/shellcheck'));
    const sc = second.diagnostics.find((d) => d.code === 'dockerfile/shellcheck')!;
    assert.match(sc.message, /^SC2164: /);
    assert.deepEqual(sc.range.start, { line: 1, character: 4 });
    assert.deepEqual(codes(second).sort(), ['dockerfile/cd-instead-of-workdir', 'dockerfile/shellcheck']);

    // An edit elsewhere in the file: the new version's first publish comes without waiting for ShellCheck either.
    c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 17 }, end: { line: 1, character: 17 } }, text: ' all' }],
    });
    const third = await c.waitForPublish((p) => p.uri === URI && p.version === 2 && codes(p).includes('dockerfile/shellcheck'));
    assert.deepEqual(third.diagnostics.find((d) => d.code === 'dockerfile/shellcheck')!.range.start, { line: 1, character: 4 });
  });

  it('a new file whose scripts are already checked gets their findings in its second publish (no new run)', async () => {
    const text = 'FROM debian:12\nRUN cp $SRC /opt\nUSER app\n';
    const a = 'file:///tmp/shipshape-lsp-shellcheck/same-a/Dockerfile';
    const b = 'file:///tmp/shipshape-lsp-shellcheck/same-b/Dockerfile';
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'dockerfile', version: 1, text } });
    const fromRun = await c.waitForPublish((p) => p.uri === a && codes(p).includes('dockerfile/shellcheck'));
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: b, languageId: 'dockerfile', version: 1, text } });
    const fromCache = await c.waitForPublish((p) => p.uri === b && codes(p).includes('dockerfile/shellcheck'));
    assert.deepEqual(fromCache.diagnostics, fromRun.diagnostics);
  });

  it('keeps the other RUNs\' ShellCheck findings while one RUN is edited, until the new run ends', async () => {
    const uri = 'file:///tmp/shipshape-lsp-shellcheck/carried/Dockerfile';
    const lines = (p: { diagnostics: Array<{ code?: unknown; range: { start: { line: number; character: number } } }> }) =>
      p.diagnostics.filter((d) => d.code === 'dockerfile/shellcheck').map((d) => `${d.range.start.line}:${d.range.start.character}`);
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM debian:12\nRUN ls $A\nRUN ls $B\nUSER app\n' } });
    const checked = await c.waitForPublish((p) => p.uri === uri && p.version === 1 && codes(p).includes('dockerfile/shellcheck'));
    assert.deepEqual(lines(checked), ['1:7', '2:7']);
    // A line is added above both RUNs and the first RUN is changed: its finding waits for the run, the second moves down.
    c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } }, text: ' $C' }, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'ENV D=1\n' }],
    });
    const first = await c.waitForPublish((p) => p.uri === uri && p.version === 2);
    assert.deepEqual(lines(first), ['3:7']);
    const after = await c.waitForPublish((p) => p.uri === uri && p.version === 2 && lines(p).length === 3);
    assert.deepEqual(lines(after), ['2:7', '2:10', '3:7']);
  });

  it('publishes a Dockerfile whose scripts come back clean only once', async () => {
    const clean = 'file:///tmp/shipshape-lsp-shellcheck/clean/Dockerfile';
    const dirty = 'file:///tmp/shipshape-lsp-shellcheck/dirty/Dockerfile';
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: clean, languageId: 'dockerfile', version: 1, text: 'FROM debian:12\nRUN echo "$HOME" > /tmp/home\nUSER app\n' } });
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: dirty, languageId: 'dockerfile', version: 1, text: 'FROM debian:12\nRUN ls $DIR\nUSER app\n' } });
    // ShellCheck runs one file at a time in the order asked: when the second file's findings arrive, the first is done.
    await c.waitForPublish((p) => p.uri === dirty && codes(p).includes('dockerfile/shellcheck'));
    assert.equal(c.published.filter((p) => p.uri === clean).length, 1);
  });
});

const WORKFLOW_URI = 'file:///tmp/shipshape-lsp-shellcheck/.github/workflows/ci.yml';
const WORKFLOW = `name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo $HOME
      - run: |
          ls
          rm -rf $DIR/out
`;
const shellcheckOf = (p: { diagnostics: Array<{ code?: unknown; message: string; range: { start: unknown } }> }) =>
  p.diagnostics.filter((d) => d.code === 'actions/shellcheck').map((d) => ({ message: d.message, start: d.range.start }));

describe('language server: workflow run: scripts checked in the background', { skip: hasShellcheck ? false : 'no shellcheck binary' }, () => {
  let c: TestClient;
  before(async () => {
    c = await startServer({ pull: false });
  });
  after(() => c.stop());

  it('publishes without waiting for ShellCheck, then the same version with its findings (as the CLI reports them)', async () => {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: WORKFLOW_URI, languageId: 'yaml', version: 1, text: WORKFLOW } });
    const first = await c.waitForPublish((p) => p.uri === WORKFLOW_URI && p.version === 1);
    assert.deepEqual(shellcheckOf(first), []);
    assert.ok(codes(first).includes('actions/missing-permissions'));
    const second = await c.waitForPublish((p) => p.uri === WORKFLOW_URI && p.version === 1 && codes(p).includes('actions/shellcheck'));
    const quote = 'SC2086: Double quote to prevent globbing and word splitting. (actionlint/shellcheck, zizmor/shellcheck)';
    assert.deepEqual(shellcheckOf(second), [
      { message: quote, start: { line: 6, character: 18 } },
      { message: quote, start: { line: 9, character: 17 } },
    ]);
    assert.deepEqual(codes(second).filter((c) => c !== 'actions/shellcheck'), codes(first));

    // An edit of one script: the other script's finding is known at once, the edited one's arrives in a second publish.
    const seen = new Set(c.published);
    c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: WORKFLOW_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 9, character: 10 }, end: { line: 9, character: 16 } }, text: 'rm -r' }],
    });
    const third = await c.waitForPublish((p) => !seen.has(p) && p.uri === WORKFLOW_URI && p.version === 2);
    assert.deepEqual(shellcheckOf(third), [{ message: quote, start: { line: 6, character: 18 } }]);
    const fourth = await c.waitForPublish((p) => p.uri === WORKFLOW_URI && p.version === 2 && shellcheckOf(p).length === 2);
    assert.deepEqual(shellcheckOf(fourth), [
      { message: quote, start: { line: 6, character: 18 } },
      { message: quote, start: { line: 9, character: 16 } },
    ]);
  });
});

describe('language server: ShellCheck for many Dockerfiles at once', { skip: hasShellcheck ? false : 'no shellcheck binary' }, () => {
  let c: TestClient;
  let dir: string;
  before(async () => {
    // A `shellcheck` that logs each run, then runs the real one: how many processes the server starts is visible.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sc-wrapper-'));
    const real = spawnSync('sh', ['-c', 'command -v shellcheck'], { encoding: 'utf8' }).stdout.trim();
    fs.writeFileSync(path.join(dir, 'shellcheck'), `#!/bin/sh\necho "$*" >> "${dir}/runs.log"\nexec "${real}" "$@"\n`, { mode: 0o755 });
    c = await startServer({ pull: false });
    c.settings = { dockerfile: { shellcheckPath: path.join(dir, 'shellcheck') } };
  });
  after(async () => {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks the Dockerfiles waiting together in one process, and each gets its own findings', async () => {
    const uris = Array.from({ length: 6 }, (_, i) => `file:///tmp/shipshape-lsp-shellcheck/many/${i}/Dockerfile`);
    uris.forEach((uri, i) => c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: `FROM debian:12\nRUN ls $DIR${i}\nUSER app\n` } }));
    for (const uri of uris) {
      const p = await c.waitForPublish((q) => q.uri === uri && codes(q).includes('dockerfile/shellcheck'));
      const sc = p.diagnostics.filter((d) => d.code === 'dockerfile/shellcheck');
      assert.equal(sc.length, 1);
      assert.match((sc[0] as { message: string }).message, /^SC2086: /);
    }
    const runs = fs.readFileSync(path.join(dir, 'runs.log'), 'utf8').split('\n').filter((l) => l && !l.includes('--version'));
    assert.ok(runs.length >= 1 && runs.length <= 2, `${runs.length} ShellCheck runs for 6 files`);
  });
});
