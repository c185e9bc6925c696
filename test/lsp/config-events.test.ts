// A config file created, changed or deleted on disk re-validates the open documents below it (push diagnostics). The
// server does not record config-file probes among the files a document's lint read (server.ts `internPaths`): the
// event alone must be enough.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestClient } from './client';

describe('language server: config files changed on disk (push diagnostics)', () => {
  let c: TestClient;
  let ws: string;
  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-config-events-'));
    fs.mkdirSync(path.join(ws, 'app'));
    c = await startServer({ pull: false, rootUri: pathToFileURL(ws).href });
  });
  after(async () => {
    await c.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  const changed = (file: string, type: 1 | 2 | 3) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type }] });
  /** Waits for a publish of `uri`, later than the first `after` publishes of all documents, that `match` accepts. */
  const publishedLater = (uri: string, after: number, match: (codes: string[]) => boolean) =>
    c.waitForPublish((p) => p.uri === uri && c.published.indexOf(p) >= after && match(p.diagnostics.map((d) => String(d.code))));
  const RULE = 'dockerfile/consecutive-run';

  it('turns a rule off when a .shipshape.yaml appears above the document, and on again when it goes', async () => {
    const uri = pathToFileURL(path.join(ws, 'app', 'Dockerfile')).href;
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM debian:12.8\nRUN mkdir /app\nRUN touch /app/x\nUSER 1000\nCMD ["true"]\n' } });
    await publishedLater(uri, 0, (codes) => codes.includes(RULE));

    const config = path.join(ws, '.shipshape.yaml');
    fs.writeFileSync(config, 'rules:\n  dockerfile/consecutive-run: off\n');
    let seen = c.published.length;
    changed(config, 1);
    await publishedLater(uri, seen, (codes) => !codes.includes(RULE));

    fs.rmSync(config);
    seen = c.published.length;
    changed(config, 3);
    await publishedLater(uri, seen, (codes) => codes.includes(RULE));
  });
});
