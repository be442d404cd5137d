import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';

const PROBE_TIMEOUT_MS = 1000;

/**
 * Liveness and what depends on others: `ok` says the server answers (a load balancer keeps it);
 * `status` is `degraded` while the database or Redis cannot be reached. Edits then wait for the
 * database (nothing is acknowledged before it is stored), and without Redis each instance serves
 * its own connections; neither is a reason to take the instance out of rotation.
 */
export function healthRoutes(app: FastifyInstance, context: Pick<AppContext, 'db' | 'cluster'>): void {
  app.get('/api/health', async () => {
    const database = (await reachable(() => sql`SELECT 1`.execute(context.db))) ? 'ok' : 'down';
    const cluster = context.cluster.health();
    const redis = cluster === 'single' ? 'off' : cluster;
    const status = database === 'ok' && redis !== 'down' ? 'ok' : 'degraded';
    return { ok: true as const, status, database, redis };
  });
}

async function reachable(probe: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      probe().then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
