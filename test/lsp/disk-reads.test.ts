// The server remembers what lints read from disk for a moment (server.ts `workspaceFor`): a file event must make the
// next lint read the disk again at once.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startInTempWorkspace } from './client';

describe('language server: files read from disk', () => {
  let c: Awaited<ReturnType<typeof startInTempWorkspace>>;
  before(async () => {
    c = await startInTempWorkspace('shipshape-disk-reads-');
  });
  after(() => c.stop());

  const rules = (uri: string) => c.codes(uri);
  const event = (file: string, type: 1 | 2 | 3) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type }] });

  it('sees a .dockerignore created or deleted right after the previous lint, once the client reports it', async () => {
    const uri = pathToFileURL(path.join(c.ws, 'Dockerfile')).href;
    const ignore = path.join(c.ws, '.dockerignore');
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM debian:12.8\nCOPY . /app\nUSER 1000\nCMD ["true"]\n' } });
    assert.ok((await rules(uri)).includes('dockerfile/copy-context-without-dockerignore'));

    fs.writeFileSync(ignore, '.git\n');
    event(ignore, 1);
    assert.ok(!(await rules(uri)).includes('dockerfile/copy-context-without-dockerignore'));

    fs.rmSync(ignore);
    event(ignore, 3);
    assert.ok((await rules(uri)).includes('dockerfile/copy-context-without-dockerignore'));
  });
});
