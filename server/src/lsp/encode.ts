// JSON encoding of outgoing messages over streams (stdio, sockets, pipes). Each diagnostics message carries the full
// list of a document's diagnostics, and after an edit nearly all of them are the very objects sent last time
// (lsp/convert.ts converts each reused finding once). Encoding each diagnostic once and copying its cached text into
// the message turns the per-edit cost from "stringify hundreds of diagnostics" into "copy their bytes".
import { inspect } from 'node:util';
import { StreamMessageWriter, type Connection, type Diagnostic } from 'vscode-languageserver/node';

/** Each diagnostic's JSON text and its UTF-8 length, by identity. Diagnostics are never mutated once made. */
const encoded = new WeakMap<Diagnostic, { text: string; bytes: number }>();

function encodedDiagnostic(d: Diagnostic): { text: string; bytes: number } {
  let e = encoded.get(d);
  if (e === undefined) {
    const text = JSON.stringify(d);
    encoded.set(d, (e = { text, bytes: Buffer.byteLength(text) }));
  }
  return e;
}

interface Message {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The message as UTF-8 JSON: the same bytes `JSON.stringify` gives, with diagnostics arrays (a publishDiagnostics
 * notification's `params.diagnostics`, a full document diagnostic report's `items`) written from the cache. Any
 * other message goes through `JSON.stringify` unchanged.
 */
export function encodeMessage(msg: Message): Buffer {
  if (msg.method === 'textDocument/publishDiagnostics' && isRecord(msg.params) && Array.isArray(msg.params.diagnostics)) {
    return spliced(msg, 'params', msg.params, 'diagnostics');
  }
  if (msg.method === undefined && isRecord(msg.result) && msg.result.kind === 'full' && Array.isArray(msg.result.items)) {
    return spliced(msg, 'result', msg.result, 'items');
  }
  return Buffer.from(JSON.stringify(msg), 'utf8');
}

const MARKER = JSON.stringify('\u0000shipshape-diagnostics\u0000');

/** `JSON.stringify(msg)` where `msg[outer][inner]` is an array of diagnostics, keeping every key in its place. */
function spliced(msg: Message, outer: 'params' | 'result', body: Record<string, unknown>, inner: string): Buffer {
  const json = JSON.stringify({ ...msg, [outer]: { ...body, [inner]: JSON.parse(MARKER) } });
  // Quotes inside JSON strings are escaped, so `"key":"<marker>"` can only be the placeholder itself.
  const key = `${JSON.stringify(inner)}:`;
  const at = json.indexOf(key + MARKER) + key.length;
  const head = json.slice(0, at) + '[';
  const tail = ']' + json.slice(at + MARKER.length);
  const diagnostics = (body[inner] as Diagnostic[]).map(encodedDiagnostic);
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail) + Math.max(0, diagnostics.length - 1);
  for (const d of diagnostics) size += d.bytes;
  const out = Buffer.allocUnsafe(size);
  let offset = out.write(head, 0, 'utf8');
  for (let i = 0; i < diagnostics.length; i++) {
    if (i > 0) out[offset++] = 0x2c; // ','
    offset += out.write(diagnostics[i].text, offset, 'utf8');
  }
  offset += out.write(tail, offset, 'utf8');
  return out;
}

/** A vscode-jsonrpc content-type encoder using {@link encodeMessage} (UTF-8, the only charset LSP uses). */
export const diagnosticsCachingEncoder = {
  name: 'application/json',
  encode(msg: unknown): Promise<Uint8Array> {
    try {
      return Promise.resolve(encodeMessage(msg as Message));
    } catch (err) {
      return Promise.reject(err);
    }
  },
};

/** The writer for `--stdio`: vscode-jsonrpc's own stream writer with the caching encoder. */
export function cachingStdoutWriter(): StreamMessageWriter {
  return new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: diagnosticsCachingEncoder });
}

/**
 * With stdio, stdout carries the protocol: console output goes to the client's log instead (what
 * vscode-languageserver does itself when it opens stdio from the command line).
 */
export function routeConsoleToClient(connection: Connection): void {
  const line = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(line(args));
  console.warn = (...args: unknown[]) => connection.console.warn(line(args));
  console.error = console.trace = (...args: unknown[]) => connection.console.error(line(args));
  console.dir = (arg: unknown) => connection.console.log(line([arg]));
}
