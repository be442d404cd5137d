import { randomBytes } from 'node:crypto';
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
});
