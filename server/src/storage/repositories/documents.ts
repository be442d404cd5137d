import type { Transaction } from 'kysely';
import * as Y from 'yjs';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';

/** All stored updates of a document merged into one, or null if nothing was ever stored. */
export async function loadDocumentState(db: Db, documentName: string): Promise<Uint8Array | null> {
  const rows = await db
    .selectFrom('document_updates')
    .select('data')
    .where('document_name', '=', documentName)
    .orderBy('id')
    .execute();
  if (rows.length === 0) return null;
  return Y.mergeUpdates(rows.map((r) => new Uint8Array(r.data)));
}

/** The id of the newest stored update of a document: it changes whenever the stored content does. */
export async function latestUpdateId(db: Db, documentName: string): Promise<number | null> {
  const row = await db
    .selectFrom('document_updates')
    .select((eb) => eb.fn.max('id').as('max'))
    .where('document_name', '=', documentName)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? null : Number(row.max);
}

export async function appendDocumentUpdate(db: Db, documentName: string, update: Uint8Array): Promise<void> {
  await appendDocumentUpdates(db, [{ documentName, update }]);
}

/** Stores updates in one statement, so a batch is committed (and synced to disk) at once. */
export async function appendDocumentUpdates(
  db: Db,
  updates: readonly { documentName: string; update: Uint8Array }[],
): Promise<void> {
  if (updates.length === 0) return;
  const at = new Date().toISOString();
  await db
    .insertInto('document_updates')
    .values(updates.map((u) => ({ document_name: u.documentName, data: u.update, created_at: at })))
    .execute();
}

/**
 * Replaces the updates stored so far with one: their union with the document's state, in one
 * transaction. The union, not the state alone: an instance's copy can be behind what another
 * instance stored (it loaded the document, then others wrote), and replacing the rows with that
 * copy would undo their edits and bring deleted text back ([P1]). Merging never loses a stored
 * row, and the state adds what this instance applied. The `<= max` bound keeps rows another
 * connection commits after the bound was read (PostgreSQL runs transactions side by side);
 * SQLite refuses such a compaction with SQLITE_BUSY_SNAPSHOT.
 */
export async function compactDocument(db: Db, documentName: string, state: () => Uint8Array): Promise<void> {
  await db.transaction().execute((trx) => compactDocumentIn(trx, documentName, state));
}

/** `compactDocument` inside the caller's transaction (which may compact the section's history too). */
export async function compactDocumentIn(
  trx: Transaction<Database>,
  documentName: string,
  state: () => Uint8Array,
): Promise<void> {
  const max = await latestUpdateId(trx, documentName);
  if (max === null) return;
  const stored = await trx
    .selectFrom('document_updates')
    .select('data')
    .where('document_name', '=', documentName)
    .where('id', '<=', max)
    .orderBy('id')
    .execute();
  const merged = Y.mergeUpdates([...stored.map((row) => new Uint8Array(row.data)), state()]);
  await trx.deleteFrom('document_updates').where('document_name', '=', documentName).where('id', '<=', max).execute();
  await trx
    .insertInto('document_updates')
    .values({ document_name: documentName, data: merged, created_at: new Date().toISOString() })
    .execute();
}

/** The ids of a document's stored updates, oldest first. Rows are never rewritten, so the ids say which content is stored. */
export async function storedUpdateIds(db: Db, documentName: string): Promise<number[]> {
  const rows = await db
    .selectFrom('document_updates')
    .select('id')
    .where('document_name', '=', documentName)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** A document's stored updates with their ids, oldest first. */
export async function loadDocumentUpdates(db: Db, documentName: string): Promise<{ id: number; data: Uint8Array }[]> {
  const rows = await db
    .selectFrom('document_updates')
    .select(['id', 'data'])
    .where('document_name', '=', documentName)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), data: new Uint8Array(r.data) }));
}
