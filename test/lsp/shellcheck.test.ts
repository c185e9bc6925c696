// ShellCheck in the editor runs in the background: the first publish of a version does not wait for it, and its
// findings arrive in a second publish of the same version. Skipped when no `shellcheck` binary is installed.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
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
});
