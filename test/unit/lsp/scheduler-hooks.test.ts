import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationQueue } from '../../../server/src/lsp/scheduler';

const tick = () => new Promise<void>((r) => setImmediate(r));

async function drained(queue: ValidationQueue): Promise<void> {
  while (!queue.idle) await tick();
}

describe('validation queue hooks (garbage collection between the lints of a burst)', () => {
  it('runs betweenRuns only while more lints wait, and burstOver once after a burst', async () => {
    const events: string[] = [];
    const queue = new ValidationQueue(
      async (uri) => void events.push(uri),
      (err) => assert.fail(String(err)),
      { betweenRuns: (next) => void events.push(`before ${next}`), burstOver: () => void events.push('over') },
    );
    for (let i = 0; i < 10; i++) queue.schedule(`doc${i}`, false);
    await drained(queue);
    const expected = ['doc0'];
    for (let i = 1; i < 10; i++) expected.push(`before doc${i}`, `doc${i}`);
    assert.deepEqual(events, [...expected, 'over']);
  });

  it('calls neither around a single edit', async () => {
    const events: string[] = [];
    const queue = new ValidationQueue(async (uri) => void events.push(uri), undefined, {
      betweenRuns: () => void events.push('between'),
      burstOver: () => void events.push('over'),
    });
    queue.schedule('edited', true);
    await drained(queue);
    queue.schedule('edited', true);
    await drained(queue);
    assert.deepEqual(events, ['edited', 'edited']);
  });

  it('a failing hook is reported, not thrown into the queue', async () => {
    const errors: unknown[] = [];
    const ran: string[] = [];
    const queue = new ValidationQueue(async (uri) => void ran.push(uri), (err) => void errors.push(err), {
      betweenRuns: () => {
        throw new Error('hook failed');
      },
    });
    queue.schedule('a', false);
    queue.schedule('b', false);
    await drained(queue);
    assert.deepEqual(ran, ['a', 'b']);
    assert.equal(errors.length, 1);
  });
});
