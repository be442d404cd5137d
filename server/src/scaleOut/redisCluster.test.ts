import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../testing/spawnCluster.js';
import { waitFor } from '../testing/index.js';
import type { ClusterHandlers } from './cluster.js';
import { RedisCluster } from './redisCluster.js';

// Redis is provided with PostgreSQL (scripts/ensure-redis.sh runs before the PostgreSQL run).
const withRedis = Boolean(process.env.DATABASE_URL);

/** Handlers that only count what the peer check reports. */
function counting(): ClusterHandlers & { lost: number } {
  const handlers = {
    lost: 0,
    projection: async () => undefined,
    access: async () => undefined,
    sessionEnded: () => undefined,
    notify: () => undefined,
    freeze: async () => undefined,
    thaw: async () => undefined,
    resynchronise: async () => undefined,
    peerLost: async () => {
      handlers.lost += 1;
    },
  };
  return handlers;
}

describe.skipIf(!withRedis)('RedisCluster: noticing an instance that died', () => {
  const started: RedisCluster[] = [];
  const prefix = `fptest-${randomBytes(6).toString('hex')}`;
  // Slow checks on purpose: what happens between two checks must be noticed all the same.
  const instance = async (handlers: ClusterHandlers = counting(), peerCheckMs = 1000) => {
    const cluster = new RedisCluster({ url: TEST_REDIS_URL, prefix, logger: pino({ level: 'silent' }), peerCheckMs });
    started.push(cluster);
    await cluster.start(handlers);
    return cluster;
  };
  afterEach(async () => {
    for (const cluster of started.splice(0)) await cluster.close();
  });

  it('one starting while another dies (the count of instances stays the same)', async () => {
    const watcher = counting();
    await instance(watcher);
    const first = await instance();
    // The watcher has checked at least once with `first` alive.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(watcher.lost).toBe(0);
    await first.close();
    await instance();
    await waitFor(() => watcher.lost > 0, { timeout: 5000 });
  });

  it('one that starts and dies between two checks', async () => {
    const watcher = counting();
    await instance(watcher);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const shortLived = await instance();
    // Long enough to be confirmed (its announcement is checked against its reply channel), far
    // shorter than the check interval; an instance that can acknowledge an edit lives longer.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await shortLived.close();
    await waitFor(() => watcher.lost > 0, { timeout: 5000 });
  });

  it('instances that stay report nobody lost', async () => {
    const watcher = counting();
    await instance(watcher, 100);
    await instance();
    await instance();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(watcher.lost).toBe(0);
  });

  // Adversary round 10: what a message on the bus can make an instance do.
  it('an announcement from an id that listens on no reply channel (forged) is no instance', async () => {
    const watcher = counting();
    await instance(watcher, 100);
    const raw = new Redis(TEST_REDIS_URL);
    try {
      for (let i = 0; i < 10; i++) {
        await raw.publish(`${prefix}:bus`, JSON.stringify({ from: `i-${randomUUID()}`, message: { type: 'hello' } }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      raw.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(watcher.lost).toBe(0);
  });

  it('a catch-up that fails is logged, not thrown, and checks never overlap', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const watcher = {
        ...counting(),
        peerLost: async () => {
          runs += 1;
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 600));
          running -= 1;
          throw new Error('the database is away');
        },
      };
      await instance(watcher, 100);
      for (let i = 0; i < 3; i++) {
        const peer = await instance();
        await new Promise((resolve) => setTimeout(resolve, 250));
        await peer.close();
      }
      await waitFor(() => runs > 0 && running === 0, { timeout: 5000 });
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(most).toBe(1);
    expect(unhandled).toEqual([]);
  });

  it('an instance whose subscriber is gone while it still publishes counts as lost once, not at every check', async () => {
    const watcher = counting();
    await instance(watcher, 100);
    const halfLinked = await instance();
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Only its subscriber goes (Redis closes a slow subscriber over its output-buffer limit).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching the private client on purpose
    (halfLinked as any).sub.disconnect(false);
    for (let i = 0; i < 15; i++) {
      await halfLinked.broadcast({ type: 'projection', planId: 'p1', sections: ['s1'] });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(watcher.lost).toBeLessThanOrEqual(1);
  });
});
