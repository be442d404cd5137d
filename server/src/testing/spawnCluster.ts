import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SessionView } from '@fellesplan/domain';
import { api } from './api.js';
import { spawnServer, type SpawnedServer } from './spawnServer.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestCluster {
  instances: SpawnedServer[];
  database: TestDatabase;
  /** The Redis prefix of this cluster alone: tests alongside share the Redis, never its channels. */
  prefix: string;
  dataDir: string;
  env: Record<string, string>;
  /** Starts instance `index` again after a kill (same database, Redis and data dir). */
  restart(index: number): Promise<SpawnedServer>;
  close(): Promise<void>;
}

/**
 * Several real server processes on one PostgreSQL schema and one Redis, as a deployment behind a
 * load balancer runs them (DESIGN 3). They share the data dir only for the decision-log signing
 * key, which every instance of a deployment must share. The first one seeds the demo plan.
 */
export async function spawnCluster(
  count: number,
  {
    redisUrl = TEST_REDIS_URL,
    databaseUrl = process.env.DATABASE_URL || 'postgres',
    env: extra = {},
  }: { redisUrl?: string; databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<TestCluster> {
  const database = await createTestDatabase(databaseUrl);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-cluster-'));
  const prefix = `fptest-${randomBytes(6).toString('hex')}`;
  const env = {
    DATABASE_URL: database.url ?? '',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    ...extra,
  };
  const instances: SpawnedServer[] = [];
  const cleanup = async () => {
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  };
  try {
    // One after the other: the first migrates and seeds, the others find it done.
    for (let i = 0; i < count; i++) instances.push(await spawnServer(dataDir, env));
  } catch (error) {
    await cleanup();
    throw error;
  }
  return {
    instances,
    database,
    prefix,
    dataDir,
    env,
    async restart(index) {
      const next = await spawnServer(dataDir, env);
      instances[index] = next;
      return next;
    },
    close: cleanup,
  };
}

/** Logs a demo person in on one instance; the session holds on every instance (one database). */
export async function demoLogin(url: string, email: string): Promise<SessionView> {
  const res = await api<SessionView>(url, '/api/session', { body: { email, password: 'demo' } });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status}`);
  return res.body;
}
