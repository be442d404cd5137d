import { sectionDocumentName } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as Y from 'yjs';
import { isPostgres } from '../storage/dialect.js';
import { appendDocumentUpdate, compactDocument, loadDocumentState } from '../storage/repositories/documents.js';
import { appendParagraph, useFixture } from '../testing/index.js';
import { contentRevision } from './revision.js';

const f = useFixture();

/** The revision of what is stored now, computed from scratch. */
async function storedRevision(name: string): Promise<string> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(f.db, name);
  if (state) Y.applyUpdate(doc, state);
  return contentRevision(doc);
}

describe('[R1] the revision of a body that is not loaded follows exactly the stored rows', () => {
  it('[R1] appends and compaction change it exactly when the content changes', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Brukermedvirkning').id;
    const name = sectionDocumentName(sectionId);
    const content = f.server.context.content;
    const initial = await content.revision(sectionId);
    expect(initial).toBe(await storedRevision(name));

    const doc = new Y.Doc();
    const stored = await loadDocumentState(f.db, name);
    if (stored) Y.applyUpdate(doc, stored);
    const before = Y.encodeStateVector(doc);
    appendParagraph(doc, 'Brukerrådet deltar i alle arbeidsgrupper.');
    await appendDocumentUpdate(f.db, name, Y.encodeStateAsUpdate(doc, before));
    const appended = await content.revision(sectionId);
    expect(appended).not.toBe(initial);
    expect(appended).toBe(await storedRevision(name));

    await compactDocument(f.db, name, () => Y.encodeStateAsUpdate(doc));
    expect(await content.revision(sectionId)).toBe(appended);

    // A deletion stored as its own row: no new item, only a delete set.
    const beforeDelete = Y.snapshot(doc);
    const paragraph = doc.getXmlFragment('content').get(doc.getXmlFragment('content').length - 1) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).delete(0, 'Brukerrådet '.length);
    await appendDocumentUpdate(f.db, name, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)));
    expect(Y.equalSnapshots(beforeDelete, Y.snapshot(doc))).toBe(false);
    expect(await content.revision(sectionId)).toBe(await storedRevision(name));
    expect(await content.revision(sectionId)).not.toBe(appended);
  });

  it('[R1] a row that becomes visible below the newest id (a later commit on PostgreSQL) is not missed', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Oppfølging, evaluering og årsrapport').id;
    const name = sectionDocumentName(sectionId);
    const content = f.server.context.content;
    const doc = new Y.Doc();
    const stored = await loadDocumentState(f.db, name);
    if (stored) Y.applyUpdate(doc, stored);

    // Two writers took ids in one order and committed in the other: the higher id is seen first.
    const first = (await f.db
      .selectFrom('document_updates')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow()) as { max: number };
    const late = Number(first.max) + 1;
    const sv = Y.encodeStateVector(doc);
    appendParagraph(doc, 'Første skriver.');
    const lateUpdate = Y.encodeStateAsUpdate(doc, sv);
    await f.db
      .insertInto('document_updates')
      .values({ id: late + 1, document_name: name, data: new Uint8Array([0, 0]), created_at: new Date().toISOString() })
      .execute();
    const seen = await content.revision(sectionId);

    await f.db
      .insertInto('document_updates')
      .values({ id: late, document_name: name, data: lateUpdate, created_at: new Date().toISOString() })
      .execute();
    const now = await content.revision(sectionId);
    expect(now).toBe(await storedRevision(name));
    expect(now).not.toBe(seen);
    // Ids chosen by hand do not move PostgreSQL's sequence: move it, so later appends in this
    // file (in any order) do not collide with them.
    if (isPostgres(f.db)) {
      await sql`SELECT setval(pg_get_serial_sequence('document_updates', 'id'), (SELECT max(id) FROM document_updates))`.execute(
        f.db,
      );
    }
  });
});
