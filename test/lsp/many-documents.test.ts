// With many documents open the server keeps lint state (findings reused across versions, parses, results) for the
// documents edited most recently only (server.ts: KEEP_EDITED, KEEP_RECENT). A document edited again after its state
// was dropped must get exactly the diagnostics a fresh server gives for the same text, and so must one whose state
// was kept.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './client';

/** More documents than the server keeps edit state for (KEEP_EDITED = 16). */
const DOCS = 20;

/** A multi-document manifest whose objects all have findings of their own (no probes, no limits, `latest` tags). */
function manifest(doc: number, objects = 4): string {
  const parts: string[] = [];
  for (let i = 0; i < objects; i++) {
    const name = `d${doc}-app${i}`;
    parts.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        `  selector: {matchLabels: {app: ${name}}}`,
        '  template:',
        `    metadata: {labels: {app: ${name}}}`,
        '    spec:',
        '      containers:',
        `        - name: ${name}`,
        `          image: registry.example.com/${name}:${i % 2 ? 'latest' : '1.0'}`,
        '',
      ].join('\n'),
    );
  }
  return parts.join('---\n');
}

const uriOf = (doc: number) => `file:///tmp/shipshape-many-docs/${doc}/deploy.yaml`;

interface Doc {
  uri: string;
  text: string;
  version: number;
}

function open(c: TestClient, d: Doc): void {
  c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'yaml', version: d.version, text: d.text } });
}

/** Replaces `from` (its first occurrence) by `to`, as an incremental change; resolves with the new version's diagnostics. */
function edit(c: TestClient, d: Doc, from: string, to: string): Promise<Diagnostic[]> {
  const at = d.text.indexOf(from);
  assert.ok(at >= 0, `${from} not in ${d.uri}`);
  const before = d.text.slice(0, at).split('\n');
  const start = { line: before.length - 1, character: before[before.length - 1].length };
  const fromLines = from.split('\n');
  const end = { line: start.line + fromLines.length - 1, character: (fromLines.length > 1 ? 0 : start.character) + fromLines[fromLines.length - 1].length };
  d.text = d.text.slice(0, at) + to + d.text.slice(at + from.length);
  d.version++;
  c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version: d.version }, contentChanges: [{ range: { start, end }, text: to }] });
  return c.waitForDiagnostics(d.uri, d.version);
}

/** What a server that never saw earlier versions reports for this text. */
async function fresh(d: Doc): Promise<Diagnostic[]> {
  const c = await startServer({ pull: false });
  try {
    open(c, { ...d, version: 1 });
    return await c.waitForDiagnostics(d.uri, 1);
  } finally {
    await c.stop();
  }
}

const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);

describe('language server with more documents edited than it keeps state for', () => {
  let c: TestClient;
  const docs: Doc[] = [];
  before(async () => {
    c = await startServer({ pull: false });
    for (let i = 0; i < DOCS; i++) {
      const d = { uri: uriOf(i), text: manifest(i), version: 1 };
      docs.push(d);
      open(c, d);
    }
    for (const d of docs) await c.waitForDiagnostics(d.uri, 1);
    // Every document edited once, the first ones longest ago: their state is dropped by the time they are edited again.
    for (const [i, d] of docs.entries()) await edit(c, d, `d${i}-app3:latest`, `d${i}-app3:2.0`);
  });
  after(() => c.stop());

  it('an old document edited again gets exactly the diagnostics of a fresh lint', async () => {
    const d = docs[0];
    // The third object gets a finding more (a whole lint: nothing is remembered of the document), then a line
    // inserted in the first object moves every later one (findings of the unchanged objects reused and moved).
    await edit(c, d, 'd0-app2:1.0', 'd0-app2:latest');
    const got = await edit(c, d, '    spec:\n', '    spec:\n      hostNetwork: true\n');
    const want = await fresh(d);
    assert.deepEqual(got, want);
    // The findings the edits changed are there (the fresh lint could be wrong the same way otherwise).
    const ids = summary(got);
    assert.deepEqual(ids.filter((s) => /image-tag|host-namespaces/.test(s)), ['kubernetes/host-namespaces 9:19', 'kubernetes/image-tag 25:17', 'kubernetes/image-tag 38:17']);
  });

  it('so does the document edited last (its state was kept)', async () => {
    const d = docs[DOCS - 1];
    await edit(c, d, '    spec:\n', '    spec:\n      hostNetwork: true\n');
    const got = await edit(c, d, `d${DOCS - 1}-app2:1.0`, `d${DOCS - 1}-app2:latest`);
    assert.deepEqual(got, await fresh(d));
  });
});
