import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index.js';
import { openDatabase } from './database.js';

const logger = pino({ level: 'silent' });
const postgres = Boolean(process.env.DATABASE_URL);

/**
 * Another schema dropped while this server starts must not stop the start: the migrator's
 * introspection reads our own schema only (the flake it caused: `relation "fp_….kysely_migration"
 * does not exist` from a test schema dropped by a test running alongside).
 */
describe.runIf(postgres)('PostgreSQL introspection of our own schema', () => {
  it('sees only our tables, and keeps working while other schemas with tables are dropped', async () => {
    const ours = await createTestDatabase('postgres');
    const db = await openDatabase({ dataDir: '', databaseUrl: ours.url!, logger });
    try {
      const others = await Promise.all(Array.from({ length: 8 }, () => createTestDatabase('postgres')));
      for (const other of others) {
        const otherDb = await openDatabase({ dataDir: '', databaseUrl: other.url!, logger });
        await otherDb.destroy();
      }
      const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
      const names = tables.map((t) => t.name);
      expect(names).toContain('sections');
      expect(names).toContain('kysely_migration');
      expect(new Set(tables.map((t) => t.schema)).size).toBe(1);

      // Kysely's own introspector on the same database, for contrast: it reads every schema.
      const url = new URL(ours.url!);
      const plain = new Kysely({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString() }) }),
      });
      try {
        expect(new Set((await plain.introspection.getTables()).map((t) => t.schema)).size).toBeGreaterThan(1);
      } finally {
        await plain.destroy();
      }

      // Drops racing introspection: ours never fails.
      const drops = Promise.all(others.map((o) => o.drop()));
      const reads = Promise.all(
        Array.from({ length: 20 }, () => db.introspection.getTables({ withInternalKyselyTables: true })),
      );
      await Promise.all([drops, reads]);
    } finally {
      await db.destroy();
      await ours.drop();
    }
  });
});
