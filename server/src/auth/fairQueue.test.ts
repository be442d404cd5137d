import { describe, expect, it } from 'vitest';
import { FairQueue } from './fairQueue.js';

/** A task that finishes when the test says so. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('FairQueue', () => {
  it('[S4] starts waiting work round-robin by address, so a backlog does not starve another address', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaitingPerKey: 10, maxWaiting: 100 });
    const started: string[] = [];
    const first = gate();
    const runs = [queue.run('flood', () => first.opened.then(() => started.push('flood0')))];
    for (let i = 1; i <= 3; i++) runs.push(queue.run('flood', async () => started.push(`flood${i}`)));
    runs.push(queue.run('user', async () => started.push('user')));
    first.open();
    await Promise.all(runs);
    expect(started).toEqual(['flood0', 'flood1', 'user', 'flood2', 'flood3']);
  });

  it('[S4] refuses work beyond its bounds with busy, and keeps running after failures', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaitingPerKey: 2, maxWaiting: 3 });
    const first = gate();
    const running = queue.run('a', () => first.opened);
    const waiting = [queue.run('a', async () => 1), queue.run('a', async () => 2)];
    await expect(queue.run('a', async () => 3)).rejects.toMatchObject({ code: 'busy', status: 503 });
    const other = queue.run('b', () => Promise.reject(new Error('boom')));
    await expect(queue.run('c', async () => 4)).rejects.toMatchObject({ code: 'busy' });
    first.open();
    await running;
    expect(await Promise.all(waiting)).toEqual([1, 2]);
    await expect(other).rejects.toThrow('boom');
    expect(await queue.run('c', async () => 5)).toBe(5);
  });
});
