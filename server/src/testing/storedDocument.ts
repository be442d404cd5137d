import { sectionDocumentName } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import pg from 'pg';
import * as Y from 'yjs';
import type { Db } from '../storage/database.js';
import { loadDocumentState } from '../storage/repositories/documents.js';

/** A document as storage holds it (what a restart would load), not as the live server has it. */
export async function storedDocument(db: Db, documentName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(db, documentName);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/** The stored text of a section body. */
export async function storedSectionText(db: Db, sectionId: string): Promise<string> {
  return readTextFromYDoc(await storedDocument(db, sectionDocumentName(sectionId)));
}

/**
 * A document as a PostgreSQL database holds it, read with plain SQL over a connection of its own:
 * for tests of several server processes, whose storage no test-side `Db` shares.
 */
export async function storedDocumentAt(databaseUrl: string, documentName: string): Promise<Y.Doc> {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  try {
    const rows = await pool.query<{ data: Buffer }>(
      'SELECT data FROM document_updates WHERE document_name = $1 ORDER BY id',
      [documentName],
    );
    const doc = new Y.Doc();
    for (const row of rows.rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    return doc;
  } finally {
    await pool.end();
  }
}
