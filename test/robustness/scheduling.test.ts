import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { session } from './lsp-session';

type Report = { kind: 'full' | 'unchanged'; resultId?: string; items?: Array<{ code: string }> };
const URI = 'file:///ws/Dockerfile';

describe('pull diagnostics: per-version results and cancellation', () => {
  it('answers "unchanged" for the same version, and a full report after an edit', async () => {
    const s = await session({ pull: true });
    try {
      s.open(URI, 'dockerfile', 'FROM node\n');
      const first = await s.conn.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri: URI } });
      assert.equal(first.kind, 'full');
      assert.ok(first.items!.some((d) => d.code === 'dockerfile/untagged-image'));
      assert.ok(first.resultId);
      const again = await s.conn.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri: URI }, previousResultId: first.resultId });
      assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
      s.change(URI, 2, 'FROM node:22\n');
      const edited = await s.conn.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri: URI }, previousResultId: first.resultId });
      assert.equal(edited.kind, 'full');
      assert.notEqual(edited.resultId, first.resultId);
      assert.ok(!edited.items!.some((d) => d.code === 'dockerfile/untagged-image'));
    } finally {
      await s.stop();
    }
  });

  it('drops a request cancelled before it ran, asking the client to retrigger it', async () => {
    const s = await session({ pull: true });
    try {
      s.open(URI, 'dockerfile', 'FROM node\n');
      const source = new CancellationTokenSource();
      const pending = s.conn.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri: URI } }, source.token);
      source.cancel();
      await assert.rejects(pending, (err: unknown) => {
        // ServerCancelled, with retriggerRequest so that the client asks again for the current version.
        assert.ok(err instanceof ResponseError && err.code === -32802, String(err));
        assert.deepEqual((err as ResponseError<unknown>).data, { retriggerRequest: true });
        return true;
      });
      // The server is fine and answers the next request.
      const next = await s.conn.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri: URI } });
      assert.equal(next.kind, 'full');
    } finally {
      await s.stop();
    }
  });
});
