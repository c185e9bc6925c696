// The stdio encoder splices cached diagnostics into messages: whatever it sends must be byte for byte what
// JSON.stringify would have sent, for any message.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver';
import { encodeMessage } from '../../../server/src/lsp/encode';

const plain = (msg: unknown) => Buffer.from(JSON.stringify(msg), 'utf8');

const diagnostic = (line: number, message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 8 } },
  severity: 2,
  code: 'dockerfile/apt-get-pin',
  codeDescription: { href: 'https://example.test/docs/rules/dockerfile/apt-get-pin.md' },
  source: 'shipshape',
  message,
  ...extra,
});

const publish = (uri: string, diagnostics: Diagnostic[], version?: number) => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: version === undefined ? { uri, diagnostics } : { uri, version, diagnostics },
});

describe('stdio message encoder', () => {
  it('writes a publishDiagnostics notification exactly as JSON.stringify does, also for non-ASCII text', () => {
    const msg = publish('file:///w/é "quoted"/Dockerfile', [diagnostic(0, 'Pin `libpq-dev` — naïve 🚢'), diagnostic(3, 'tab\tand\nnewline', { tags: [1] })], 7);
    assert.deepEqual(encodeMessage(msg), plain(msg));
  });

  it('writes the same bytes again when the same diagnostic objects are sent in a later message', () => {
    const kept = [diagnostic(1, 'first'), diagnostic(2, 'second')];
    encodeMessage(publish('file:///w/Dockerfile', kept, 1));
    const next = publish('file:///w/Dockerfile', [kept[0], diagnostic(5, 'new'), kept[1]], 2);
    assert.deepEqual(encodeMessage(next), plain(next));
  });

  it('handles no diagnostics, no version, and a URI that looks like the placeholder', () => {
    for (const msg of [publish('file:///w/a.yaml', []), publish('file:///w/\u0000shipshape-diagnostics\u0000"diagnostics":', [diagnostic(0, 'x')], 3)]) {
      assert.deepEqual(encodeMessage(msg), plain(msg));
    }
  });

  it('writes a full document diagnostic report (pull diagnostics) exactly, and leaves other messages to JSON.stringify', () => {
    const report = { jsonrpc: '2.0', id: 12, result: { kind: 'full', resultId: '4:9', items: [diagnostic(0, 'a'), diagnostic(1, 'b')] } };
    assert.deepEqual(encodeMessage(report), plain(report));
    const unchanged = { jsonrpc: '2.0', id: 13, result: { kind: 'unchanged', resultId: '4:9' } };
    assert.deepEqual(encodeMessage(unchanged), plain(unchanged));
    const request = { jsonrpc: '2.0', id: 1, method: 'workspace/configuration', params: { items: [{ section: 'shipshape' }] } };
    assert.deepEqual(encodeMessage(request), plain(request));
  });

  it('matches JSON.stringify on random messages', () => {
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    const diag = fc.record({ line: fc.nat(1000), message: text, code: text }).map(({ line, message, code }) => diagnostic(line, message, { code }));
    fc.assert(
      fc.property(text, fc.array(diag, { maxLength: 20 }), fc.option(fc.integer(), { nil: undefined }), fc.boolean(), (uri, diagnostics, version, pull) => {
        const pool = diagnostics.concat(diagnostics.slice(0, 3)); // the same object twice in one message
        const msg = pull ? { jsonrpc: '2.0', id: version ?? 0, result: { kind: 'full', items: pool } } : publish(uri, pool, version);
        assert.deepEqual(encodeMessage(msg), plain(msg));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
