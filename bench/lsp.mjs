// Edit → diagnostics latency over stdio, the same way for every language server: spawn, initialize, open one
// document, then single-character edits (insert, delete, insert...) each waiting for the diagnostics of that version.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/**
 * One server, one document. `server`: { name, command, args, languageId, settings(section) , initializationOptions,
 * configure(conn) }. `doc`: { file, text, editLine } (the line whose end gets the edited character).
 */
export async function measure(server, doc, { edits = 200, timeoutMs = 60000, extraDocs = [] } = {}) {
  const t0 = performance.now();
  const proc = spawn(server.command, server.args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: server.cwd });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const uri = pathToFileURL(doc.file).href;
  let waiter;
  const publishedUris = new Set();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    publishedUris.add(p.uri);
    if (waiter && p.uri === waiter.uri && (p.version === undefined || p.version === null || p.version >= waiter.version)) {
      const w = waiter;
      waiter = undefined;
      w.resolve(p.diagnostics.length);
    }
  });
  conn.onNotification(() => undefined);
  conn.onRequest('workspace/configuration', (p) => p.items.map((i) => server.settings?.(i.section) ?? null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('client/unregisterCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(doc.root).href, name: 'bench' }]);
  conn.onRequest(() => null);
  conn.listen();
  const wait = (version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${server.name}: no diagnostics for version ${version} within ${timeoutMs} ms. ${stderr}`)), timeoutMs);
      waiter = { uri, version, resolve: (n) => (clearTimeout(timer), resolve(n)) };
    });
  try {
    const init = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(doc.root).href,
      workspaceFolders: [{ uri: pathToFileURL(doc.root).href, name: 'bench' }],
      initializationOptions: server.initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: true, didSave: true } },
        window: { workDoneProgress: false },
      },
    });
    const initializeMs = performance.now() - t0;
    conn.sendNotification('initialized', {});
    if (server.settings) conn.sendNotification('workspace/didChangeConfiguration', { settings: server.settingsAll ?? {} });
    const sync = init.capabilities.textDocumentSync;
    const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;

    for (const [i, extra] of extraDocs.entries()) {
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(extra.file).href, languageId: server.languageId, version: 1, text: extra.text } });
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 10));
    }
    // Let the server finish the other documents first: the figures below are for one more document among them.
    const extraDeadline = Date.now() + timeoutMs;
    while (extraDocs.length && publishedUris.size < extraDocs.length && Date.now() < extraDeadline) await new Promise((r) => setTimeout(r, 20));
    let text = doc.text;
    const lines = text.split('\n');
    const line = doc.editLine;
    const col = lines[line].length;
    const tOpen = performance.now();
    const first = wait(1);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: server.languageId, version: 1, text } });
    await first;
    const firstDiagnosticsMs = performance.now() - tOpen;
    const latencies = [];
    for (let v = 2; v < edits + 2; v++) {
      const insert = v % 2 === 0;
      const range = insert ? { start: { line, character: col }, end: { line, character: col } } : { start: { line, character: col }, end: { line, character: col + 1 } };
      lines[line] = insert ? lines[line] + 'x' : lines[line].slice(0, col);
      text = lines.join('\n');
      const change = incremental ? { range, text: insert ? 'x' : '' } : { text };
      const done = wait(v);
      const t = performance.now();
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      await done;
      latencies.push(performance.now() - t);
    }
    const mem = rssMb(proc.pid);
    latencies.sort((a, b) => a - b);
    return { server: server.name, initializeMs, firstDiagnosticsMs, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), edits: latencies.length, rssMb: mem.rss, peakRssMb: mem.peak };
  } finally {
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      conn.sendNotification('exit');
    } catch {
      /* gone */
    }
    setTimeout(() => proc.kill('SIGKILL'), 1000).unref();
    conn.dispose();
  }
}

/** The line to edit: the matching line nearest the middle of the document. */
export function middleLine(text, pattern) {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const l of [mid + d, mid - d]) if (l >= 0 && l < lines.length && pattern.test(lines[l])) return l;
  }
  return mid;
}
