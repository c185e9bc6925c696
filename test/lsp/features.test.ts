import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { startServer, type TestClient } from './client';

const URI = 'file:///tmp/shipshape-lsp-features/Dockerfile';

describe('language server editor features', () => {
  let c: TestClient;
  let ws: string;
  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ws-'));
    fs.mkdirSync(path.join(ws, 'svc'));
    fs.writeFileSync(path.join(ws, 'svc', 'Dockerfile'), 'FROM node:latest\nCMD node server.js\n');
    fs.writeFileSync(path.join(ws, 'deploy.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx\n');
    fs.writeFileSync(path.join(ws, 'notes.yaml'), 'just: data\n');
    fs.mkdirSync(path.join(ws, 'vendor'));
    fs.writeFileSync(path.join(ws, 'vendor', 'Dockerfile'), 'FROM node\n');
    fs.writeFileSync(path.join(ws, '.shipshape.yaml'), 'ignore:\n  - vendor/**\n');
    c = await startServer({ pull: true, rootUri: pathToFileURL(ws).href });
  });
  after(async () => {
    await c.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('completes Dockerfile flags and --mount values', async () => {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dockerfile', version: 1, text: 'FROM node:22\nRUN --mount=type=cache,target=\n' } });
    const items = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 30 } })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === '/root/.npm'), JSON.stringify(items.map((i) => i.label)));
  });

  it('hovers instruction docs on a keyword and rule docs on a finding', async () => {
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: 'FROM node:22\nCMD node server.js\n' }] });
    const onKeyword = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 1 } })) as Hover;
    assert.match((onKeyword.contents as { value: string }).value, /^\*\*CMD\*\* — /);
    const onFinding = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 6 } })) as Hover;
    assert.match((onFinding.contents as { value: string }).value, /^\*\*dockerfile\/json-args\*\* \(DL3025, JSONArgsRecommended\)/);
  });

  it('lists stages as document symbols', async () => {
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: 'FROM node:22 AS build\nRUN npm ci\nFROM nginx:1.27\n' }] });
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['build', 'stage 1']);
  });

  it('lists a fix shared by two findings once in the quick-fix menu', async () => {
    const uri = 'file:///tmp/shipshape-lsp-features/deploy.yaml';
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      containers:\n        - name: w\n          image: nginx:1.27\n          ports:\n            - containerPort: 80\n';
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const { items } = (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    const probes = items.filter((d) => /probe/.test(String(d.code)));
    assert.equal(probes.length, 2);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: probes[0].range, context: { diagnostics: probes, only: ['quickfix'] } })) as CodeAction[];
    assert.equal(actions.filter((a) => /^Add livenessProbe and readinessProbe/.test(a.title)).length, 1, actions.map((a) => a.title).join('\n'));
  });

  it('lists rules with their docs', async () => {
    const rules = (await c.conn.sendRequest('shipshape/rules')) as Array<{ id: string; docs: string; url: string }>;
    const jsonArgs = rules.find((r) => r.id === 'dockerfile/json-args')!;
    assert.ok(jsonArgs.docs.length > 20 && jsonArgs.url.endsWith('dockerfile/json-args.md'));
  });

  it('lints the workspace: publishes every matching file, skips ignored and non-matching ones, reports progress', async () => {
    const published: PublishDiagnosticsParams[] = [];
    const progress: Array<{ done: number; total: number }> = [];
    c.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.push(p));
    c.conn.onNotification('shipshape/lintWorkspaceProgress', (p: { done: number; total: number }) => progress.push(p));
    const result = (await c.conn.sendRequest('shipshape/lintWorkspace', {})) as { files: number; findings: number; cancelled: boolean };
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 3);
    const byFile = new Map(published.map((p) => [path.relative(ws, new URL(p.uri).pathname), p.diagnostics.map((d) => d.code)]));
    assert.deepEqual([...byFile.keys()].sort(), ['.shipshape.yaml', 'deploy.yaml', 'svc/Dockerfile']);
    assert.ok(byFile.get('svc/Dockerfile')!.includes('dockerfile/latest-tag'));
    assert.ok(byFile.get('deploy.yaml')!.includes('kubernetes/image-tag'));
    assert.deepEqual(progress[progress.length - 1], { done: progress[0].total, total: progress[0].total });
  });

  it('stops linting the workspace when the request is cancelled', async () => {
    const many = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ws-many-'));
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(many, `Dockerfile.${i}`), 'FROM node:latest\n');
    const other = await startServer({ pull: true, rootUri: pathToFileURL(many).href });
    try {
      const source = new CancellationTokenSource();
      // Cancel once the server reports its first file, as the Cancel button of the progress notification does.
      other.conn.onNotification('shipshape/lintWorkspaceProgress', () => source.cancel());
      const result = (await other.conn.sendRequest('shipshape/lintWorkspace', {}, source.token).catch((err: { code?: number }) => ({ files: 0, cancelled: err?.code === -32800 }))) as { files: number; cancelled: boolean };
      assert.equal(result.cancelled, true);
      assert.ok(result.files < 300, `stopped early (${result.files} files)`);
    } finally {
      await other.stop();
      fs.rmSync(many, { recursive: true, force: true });
    }
  });
});
