// A minimal real LSP client over stdio for tests: spawns dist/server.js and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export interface TestClient {
  conn: MessageConnection;
  proc: ChildProcess;
  /** Settings the server gets from workspace/configuration. */
  settings: Record<string, unknown>;
  waitForDiagnostics(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]>;
  /** The first publish (earlier ones included) that `match` accepts. */
  waitForPublish(match: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Every publish so far, in order. */
  published: PublishDiagnosticsParams[];
  stop(): Promise<void>;
}

export async function startServer(opts: { pull: boolean; rootUri?: string }): Promise<TestClient> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client: TestClient = {
    conn,
    proc,
    settings: {},
    waitForDiagnostics: () => Promise.reject(new Error('not ready')),
    waitForPublish: () => Promise.reject(new Error('not ready')),
    published: [],
    async stop() {
      const exited = new Promise<void>((resolve) => {
        if (proc.exitCode !== null) resolve();
        proc.once('exit', () => resolve());
      });
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      proc.kill();
      conn.dispose();
    },
  };
  const published = client.published;
  const waiters: Array<() => void> = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  client.waitForPublish = (match, timeoutMs = 10000) =>
    new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        const hit = published.find(match);
        if (hit) {
          clearTimeout(deadline);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  client.waitForDiagnostics = (uri, version, timeoutMs = 10000) =>
    client.waitForPublish((p) => p.uri === uri && p.version === version, timeoutMs).then(
      (p) => p.diagnostics,
      () => Promise.reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)),
    );
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
      textDocument: {
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown'] },
      },
    },
  });
  conn.sendNotification('initialized', {});
  return client;
}

/**
 * A pull-diagnostics server whose workspace folder is a fresh temporary folder holding `files`; `stop` removes it.
 * `codes(uri)` pulls a document's diagnostics and gives their rule ids.
 */
export async function startInTempWorkspace(prefix: string, files: Record<string, string> = {}): Promise<TestClient & { ws: string; codes(uri: string): Promise<string[]> }> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(ws, name), text);
  const c = await startServer({ pull: true, rootUri: pathToFileURL(ws).href });
  const stop = c.stop;
  return Object.assign(c, {
    ws,
    async codes(uri: string) {
      const report = (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
      return report.items.map((d) => String(d.code));
    },
    async stop() {
      await stop();
      fs.rmSync(ws, { recursive: true, force: true });
    },
  });
}

/** Applies a WorkspaceEdit's edits for one document to its text (edits must not overlap). */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = edit.changes?.[uri] ?? [];
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
