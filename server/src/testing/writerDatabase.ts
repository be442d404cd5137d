import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach } from 'vitest';
import { openDatabase, type Db } from '../storage/database.js';
import { DocumentUpdateWriter } from '../storage/documentUpdateWriter.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

/**
 * A fresh database (SQLite in a temporary folder, or a PostgreSQL database of its own under
 * DATABASE_URL) with a DocumentUpdateWriter on it, for tests of the write path; each is closed
 * and removed after the test that opened it.
 */
export function useWriterDatabases(prefix: string): () => Promise<{ db: Db; writer: DocumentUpdateWriter }> {
  const opened: Array<{ db: Db; writer: DocumentUpdateWriter; dir: string; database: TestDatabase }> = [];
  afterEach(async () => {
    for (const { db, writer, dir, database } of opened.splice(0)) {
      await writer.close();
      await db.destroy();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    const database = await createTestDatabase();
    const db = await openDatabase({ dataDir: dir, databaseUrl: database.url, logger: pino({ level: 'silent' }) });
    const writer = new DocumentUpdateWriter(db);
    opened.push({ db, writer, dir, database });
    return { db, writer };
  };
}
