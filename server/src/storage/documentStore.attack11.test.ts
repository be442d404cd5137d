import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useWriterDatabases } from '../testing/writerDatabase.js';
import { sqliteFileOf } from './database.js';
import { writerThreadReady } from './documentStore.js';
import { loadDocumentState } from './repositories/documents.js';

/** Starting the writer thread loads its modules through tsx: seconds on a busy machine. */
const THREAD_START_MS = 60_000;
/** Longer than the connections' `busy_timeout` (5 s, sqlite.ts): the thread's commit waits past it. */
const HELD_MS = 6_000;

const open = useWriterDatabases('fp-attack11-');

describe('SQLite writer thread (attack 11)', () => {
  // Before the thread, an append queued behind a long transaction of the server's own connection
  // (Kysely's connection mutex) and committed after it. On the thread it has a connection of its
  // own, whose BEGIN IMMEDIATE gives up after busy_timeout with SQLITE_BUSY, which the writer did
  // not count as transient: the edit failed (the client is told 'storage-failed' and its
  // connection is closed) although nothing was wrong but a slow command.
  it.runIf(!process.env.DATABASE_URL)(
    'an append waits for a transaction of the main connection that holds the write lock past busy_timeout',
    async () => {
      const { db, writer } = await open();
      expect(sqliteFileOf(db)).not.toBeNull();
      await writerThreadReady();

      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      doc.getText('t').insert(0, 'kept');

      let append: Promise<unknown> | undefined;
      await db.transaction().execute(async (trx) => {
        // A write inside the transaction: BEGIN IMMEDIATE holds the write lock from its start anyway.
        await sql`select 1`.execute(trx);
        append = writer.append('plan:busy', updates[0] ?? new Uint8Array(), null).then(
          () => 'stored',
          (error: unknown) => error,
        );
        // Something slow inside a command's transaction (a big import, a starved event loop).
        await new Promise((resolve) => setTimeout(resolve, HELD_MS));
      });
      expect(await append).toBe('stored');
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await loadDocumentState(db, 'plan:busy')) ?? new Uint8Array());
      expect(stored.getText('t').toString()).toBe('kept');
    },
    THREAD_START_MS + HELD_MS,
  );
});
