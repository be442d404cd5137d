import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandler } from './errors.js';

function appThrowing(error: unknown) {
  const app = Fastify();
  installErrorHandler(app);
  app.get('/', async () => {
    throw error;
  });
  return app;
}

function storageError(code: string, message = 'storage') {
  return Object.assign(new Error(message), { code });
}

describe('installErrorHandler', () => {
  it.each([
    ['PostgreSQL refusing connections', storageError('ECONNREFUSED')],
    ['PostgreSQL shutting down', storageError('57P01', 'terminating connection due to administrator command')],
    ['a SQLite write lock held past every wait', storageError('SQLITE_BUSY', 'database is locked')],
    ['a dropped pool connection', new Error('Connection terminated unexpectedly')],
  ])('answers 503 storage_unavailable with Retry-After for %s', async (_name, error) => {
    const app = appThrowing(error);
    const reply = await app.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'nn' } });
    expect(reply.statusCode).toBe(503);
    expect(reply.headers['retry-after']).toBe('2');
    expect(reply.json()).toEqual({
      error: { code: 'storage_unavailable', message: 'Databasen svarar ikkje akkurat no. Prøv igjen om litt.' },
    });
    await app.close();
  });

  it('answers 500 internal for any other failure, a query the database refused included', async () => {
    const app = appThrowing(storageError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed'));
    const reply = await app.inject({ method: 'GET', url: '/' });
    expect(reply.statusCode).toBe(500);
    expect(reply.json().error.code).toBe('internal');
    await app.close();
  });
});
