import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startInTempWorkspace } from './client';

describe('language server honours .hadolint.yaml', () => {
  let c: Awaited<ReturnType<typeof startInTempWorkspace>>;
  let ws: string;
  before(async () => {
    c = await startInTempWorkspace('shipshape-toolcfg-ws-', { '.hadolint.yaml': 'ignored:\n  - DL3059\n' });
    ws = c.ws;
  });
  after(() => c.stop());

  const rules = (uri: string) => c.codes(uri);

  it('drops an ignored rule, and brings it back when the file changes', async () => {
    const uri = pathToFileURL(path.join(ws, 'Dockerfile')).href;
    const text = 'FROM debian:12.8\nRUN mkdir /app\nRUN touch /app/x\nUSER 1000\nCMD ["true"]\n';
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    assert.equal((await rules(uri)).includes('dockerfile/consecutive-run'), false);

    fs.writeFileSync(path.join(ws, '.hadolint.yaml'), 'override:\n  warning: [DL3059]\n');
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(ws, '.hadolint.yaml')).href, type: 2 }] });
    const again = ((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
    const consecutive = again.filter((d) => d.code === 'dockerfile/consecutive-run');
    assert.equal(consecutive.length, 1);
    assert.equal(consecutive[0].severity, 2);
    assert.equal(consecutive[0].range.start.line, 2);
  });
});
