import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useWriterDatabases } from '../testing/writerDatabase.js';
import { sqliteFileOf } from './database.js';
import { writerThreadReady } from './documentStore.js';
import { loadDocumentState, storedUpdateIds } from './repositories/documents.js';

/** Starting the writer thread loads its modules through tsx: seconds on a busy machine. */
const THREAD_START_MS = 60_000;

const open = useWriterDatabases('fp-writer-');

/** The updates a client typing `text` one character at a time sends. */
function typing(text: string): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const [index, character] of [...text].entries()) doc.getText('t').insert(index, character);
  return updates;
}

describe('DocumentUpdateWriter', () => {
  it('stores what a caller writes one awaited write at a time (a write queued as the last drain ended once waited for ever)', async () => {
    const { db, writer } = await open();
    const updates = typing('hei på deg');
    for (const update of updates) await writer.append('plan:one-at-a-time', update, null);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadDocumentState(db, 'plan:one-at-a-time')) ?? new Uint8Array());
    expect(doc.getText('t').toString()).toBe('hei på deg');
  });

  it(
    'commits appends and compactions where the server reads them, in the order queued (on SQLite, on the writer thread)',
    async () => {
      const { db, writer } = await open();
      if (sqliteFileOf(db)) await writerThreadReady();
      const updates = typing('felles plan');
      const live = new Y.Doc();
      const writes = updates.map((update) => {
        Y.applyUpdate(live, update);
        return writer.append('plan:ordered', update, null);
      });
      writes.push(writer.compact('plan:ordered', () => Y.encodeStateAsUpdate(live)));
      writes.push(...typing('!').map((update) => writer.append('plan:ordered', update, null)));
      await Promise.all(writes);
      // Compacted into one row, then the append queued after it.
      expect(await storedUpdateIds(db, 'plan:ordered')).toHaveLength(2);
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await loadDocumentState(db, 'plan:ordered')) ?? new Uint8Array());
      expect(stored.getText('t').toString()).toContain('felles plan');
    },
    THREAD_START_MS,
  );

  it.runIf(!process.env.DATABASE_URL)(
    'on SQLite, a failed commit on the writer thread fails the write with its code, and later writes go on',
    async () => {
      const { db, writer } = await open();
      expect(sqliteFileOf(db)).not.toBeNull();
      await writerThreadReady();
      await writer.append('plan:before', typing('a')[0] ?? new Uint8Array(), null);
      await db.schema.alterTable('document_updates').renameTo('document_updates_away').execute();
      await expect(writer.append('plan:during', typing('b')[0] ?? new Uint8Array(), null)).rejects.toMatchObject({
        code: 'SQLITE_ERROR',
      });
      await db.schema.alterTable('document_updates_away').renameTo('document_updates').execute();
      await writer.append('plan:after', typing('c')[0] ?? new Uint8Array(), null);
      expect(await storedUpdateIds(db, 'plan:after')).toHaveLength(1);
    },
    THREAD_START_MS,
  );
});
