// Cross-file diagnostics in the editor: an edit that changes what a manifest contributes to the project (its
// workloads' labels) re-validates the other open manifests that read it, once editing pauses.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './client';

const DIR = 'file:///tmp/shipshape-lsp-cross-file';
const DEPLOY = `${DIR}/deploy.yaml`;
const SVC = `${DIR}/svc.yaml`;
const deployment = (app: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - port: 80
`;
const dangling = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'kubernetes/service-selector');

describe('language server: cross-file re-validation', () => {
  let c: TestClient;
  before(async () => {
    c = await startServer({ pull: false });
  });
  after(() => c.stop());

  /** The next publish for `uri` after the ones seen so far that `match` accepts. */
  function nextPublish(uri: string, match: (p: PublishDiagnosticsParams) => boolean) {
    const seen = new Set(c.published);
    return c.waitForPublish((p) => !seen.has(p) && p.uri === uri && match(p));
  }

  it('re-validates a Service when an edit in another manifest changes the labels it selects', async () => {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: DEPLOY, languageId: 'yaml', version: 1, text: deployment('web') } });
    await c.waitForDiagnostics(DEPLOY, 1);
    const settled = nextPublish(SVC, (p) => !dangling(p));
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: SVC, languageId: 'yaml', version: 1, text: SERVICE } });
    await settled;

    // The Deployment's pods now carry app=api: the Service selects nothing.
    const broken = nextPublish(SVC, dangling);
    for (let v = 2; v <= 4; v++) {
      c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: DEPLOY, version: v }, contentChanges: [{ text: deployment(['we', 'a', 'api'][v - 2]) }] });
    }
    const report = await broken;
    assert.match(report.diagnostics.find((d) => d.code === 'kubernetes/service-selector')!.message, /selects app=web, which no workload's pods carry/);

    const fixed = nextPublish(SVC, (p) => !dangling(p));
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: DEPLOY, version: 5 }, contentChanges: [{ text: deployment('web') }] });
    await fixed;
  });
});
