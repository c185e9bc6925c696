import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, startServer, type TestClient } from './client';

const DOCKERFILE_URI = 'file:///tmp/shipshape-lsp/Dockerfile';
const DEPLOY_URI = 'file:///tmp/shipshape-lsp/deploy.yaml';
const BAD = 'FROM node:22\nCMD node server.js\nUSER node\n';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        # the only container
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
`;

function open(c: TestClient, uri: string, text: string, languageId: string, version = 1) {
  c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

async function pull(c: TestClient, uri: string): Promise<Diagnostic[]> {
  const r = (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
  return r.items;
}

describe('language server, pull diagnostics', () => {
  let c: TestClient;
  before(async () => {
    c = await startServer({ pull: true });
  });
  after(() => c.stop());

  it('reports diagnostics with code, docs link, source and exact range', async () => {
    open(c, DOCKERFILE_URI, BAD, 'dockerfile');
    const items = await pull(c, DOCKERFILE_URI);
    assert.equal(items.length, 1);
    const d = items[0];
    assert.equal(d.code, 'dockerfile/json-args');
    assert.equal(d.source, 'shipshape');
    assert.match(d.codeDescription!.href, /docs\/rules\/dockerfile\/json-args\.md$/);
    assert.deepEqual(d.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 18 } });
    assert.match(d.message, /CMD uses shell form.*\(DL3025, JSONArgsRecommended\)/);
  });

  it('offers the fix and the ignore actions; the fix edits the text and the finding goes away', async () => {
    const [d] = await pull(c, DOCKERFILE_URI);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: DOCKERFILE_URI },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), [
      'Convert CMD to JSON (exec) form',
      'Ignore dockerfile/json-args on this line',
      'Ignore dockerfile/json-args in this file',
      'Fix all safe Shipshape problems',
    ]);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    const fixed = applyWorkspaceEdit(BAD, DOCKERFILE_URI, actions[0].edit!);
    assert.equal(fixed, 'FROM node:22\nCMD ["node", "server.js"]\nUSER node\n');
    c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: DOCKERFILE_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 18 } }, text: '["node", "server.js"]' }],
    });
    assert.deepEqual(await pull(c, DOCKERFILE_URI), []);
    const ignored = applyWorkspaceEdit(BAD, DOCKERFILE_URI, actions[1].edit!);
    assert.equal(ignored, 'FROM node:22\n# shipshape-ignore dockerfile/json-args\nCMD node server.js\nUSER node\n');
  });

  it('inserts probes into a Deployment keeping comments and indentation', async () => {
    open(c, DEPLOY_URI, DEPLOYMENT, 'yaml');
    // The container also trips the security and resources rules; this test is about the probes.
    const items = (await pull(c, DEPLOY_URI)).filter((d) => String(d.code).endsWith('-probe'));
    assert.deepEqual(items.map((d) => d.code), ['kubernetes/liveness-probe', 'kubernetes/readiness-probe']);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: DEPLOY_URI },
      range: items[0].range,
      context: { diagnostics: [items[0]], only: ['quickfix'] },
    })) as CodeAction[];
    const fixed = applyWorkspaceEdit(DEPLOYMENT, DEPLOY_URI, actions[0].edit!);
    assert.ok(fixed.startsWith(DEPLOYMENT.trimEnd() + '\n          livenessProbe:\n            httpGet:\n              path: /health\n              port: 8080\n'), fixed);
    assert.match(fixed, /# the only container/);
  });

  it('fix-all applies every safe fix in one edit', async () => {
    const uri = 'file:///tmp/shipshape-lsp/Dockerfile.all';
    const text = 'FROM node:22 AS a\nCMD node a.js\nFROM node:22\nENTRYPOINT /run.sh\nUSER node\n';
    open(c, uri, text, 'dockerfile');
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.shipshape');
    assert.equal(applyWorkspaceEdit(text, uri, actions[0].edit!), 'FROM node:22 AS a\nCMD ["node", "a.js"]\nFROM node:22\nENTRYPOINT ["/run.sh"]\nUSER node\n');
  });

  it('shows rule docs on hover over a diagnostic', async () => {
    const uri = 'file:///tmp/shipshape-lsp/hover/Dockerfile';
    open(c, uri, 'FROM node\nUSER node\n', 'dockerfile');
    await pull(c, uri);
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*dockerfile\/untagged-image\*\* \(DL3006\)/);
    assert.match(value, /Rule documentation/);
  });

  it('applies settings changes: a rule turned off disappears', async () => {
    const uri = 'file:///tmp/shipshape-lsp/settings/Dockerfile';
    open(c, uri, 'FROM node\nUSER node\n', 'dockerfile');
    assert.equal((await pull(c, uri)).length, 1);
    c.settings = { rules: { DL3006: 'off' } };
    c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await pull(c, uri), []);
    c.settings = {};
    c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('survives garbage documents', async () => {
    const uri = 'file:///tmp/shipshape-lsp/garbage.yaml';
    const garbage = 'apiVersion: v1\nkind: Pod\n' + '{['.repeat(5000) + '\u0000\t: - ? &a *b !!x\n';
    open(c, uri, garbage, 'yaml');
    await pull(c, uri);
    open(c, 'file:///tmp/shipshape-lsp/x/Dockerfile', 'FROM\nRUN\nCMD [\n\\\n', 'dockerfile');
    await pull(c, 'file:///tmp/shipshape-lsp/x/Dockerfile');
    assert.equal((await pull(c, DOCKERFILE_URI)).length, 0, 'still answering');
  });
});

describe('language server, push diagnostics', () => {
  let c: TestClient;
  before(async () => {
    c = await startServer({ pull: false });
  });
  after(() => c.stop());

  it('publishes diagnostics for each version and clears them when fixed', async () => {
    const uri = 'file:///tmp/shipshape-push/.github/workflows/ci.yml';
    const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main\n        with:\n          persist-credentials: false\n    permissions: {}\n    timeout-minutes: 10\n';
    open(c, uri, text, 'yaml');
    const first = await c.waitForDiagnostics(uri, 1);
    assert.deepEqual(first.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['actions/unpinned-uses', 5, 31]]);
    c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 31 }, end: { line: 5, character: 35 } }, text: 'v4' }],
    });
    assert.deepEqual(await c.waitForDiagnostics(uri, 2), []);
  });
});
