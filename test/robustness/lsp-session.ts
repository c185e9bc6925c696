// A bare LSP session with dist/server.js over stdio, with control over the environment and node flags.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const DIST = path.resolve(__dirname, '../../../dist');

export interface Session {
  conn: MessageConnection;
  proc: ChildProcess;
  stderr(): string;
  published: PublishDiagnosticsParams[];
  open(uri: string, languageId: string, text: string, version?: number): void;
  change(uri: string, version: number, text: string): void;
  diagnostics(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]>;
  alive(): boolean;
  stop(): Promise<void>;
}

export async function session(opts: { rootUri?: string; env?: Record<string, string>; nodeArgs?: string[]; pull?: boolean } = {}): Promise<Session> {
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.join(DIST, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('$/progress', () => undefined);
  conn.listen();
  const rootUri = opts.rootUri ?? null;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true }, ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}) } },
  });
  conn.sendNotification('initialized', {});
  return {
    conn,
    proc,
    published,
    stderr: () => stderr,
    open: (uri, languageId, text, version = 1) => conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
    change: (uri, version, text) => conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    diagnostics: (uri, version, timeoutMs = 30000) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; server stderr: ${stderr.slice(-2000)}`)), timeoutMs);
        const check = () => {
          const hit = published.find((p) => p.uri === uri && p.version === version);
          if (hit) {
            clearTimeout(deadline);
            resolve(hit.diagnostics);
          } else waiters.push(check);
        };
        check();
      }),
    alive: () => proc.exitCode === null && proc.signalCode === null,
    async stop() {
      const exited = new Promise((r) => (proc.exitCode !== null ? r(undefined) : proc.once('exit', r)));
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
        conn.sendNotification('exit');
      } catch {
        /* gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      proc.kill();
      conn.dispose();
    },
  };
}
