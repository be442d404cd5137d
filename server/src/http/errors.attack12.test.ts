import net from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { errorMessage } from '@fellesplan/domain';
import { installErrorHandler } from './errors.js';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A "database" that takes the connection and never answers: a PostgreSQL hung or cut off. */
async function hungDatabase(): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

describe('storage outage answers (attack 12)', () => {
  /**
   * With the database unreachable, the requests beyond the pool's size wait in pg-pool's queue and
   * fail with «timeout exceeded when trying to connect», which carries no code: it was answered 500
   * internal, while the one that held the connection attempt got 503 storage_unavailable.
   */
  it('every request of an outage answers 503 with Retry-After, those queued for a pool connection included', async () => {
    const port = await hungDatabase();
    // One connection, a short wait: the production pool (10, 5 s) in miniature.
    const pool = new pg.Pool({
      host: '127.0.0.1',
      port,
      user: 'x',
      database: 'x',
      max: 1,
      connectionTimeoutMillis: 300,
    });
    cleanups.push(() => pool.end().catch(() => undefined));
    const app = Fastify();
    installErrorHandler(app);
    app.get('/', async () => (await pool.query('select 1')).rows);
    cleanups.push(() => app.close());
    const replies = await Promise.all([0, 1, 2].map(() => app.inject({ method: 'GET', url: '/' })));
    for (const reply of replies) {
      expect(reply.statusCode).toBe(503);
      expect(reply.headers['retry-after']).toBe('2');
      // The code and the sentence for people, nothing of the driver's words or the database's address.
      expect(reply.json()).toEqual({
        error: { code: 'storage_unavailable', message: errorMessage('storage_unavailable', 'nb', {}) },
      });
    }
  });
});
