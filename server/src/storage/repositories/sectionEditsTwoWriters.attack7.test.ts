import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph, useFixture } from '../../testing/index.js';
import { loadDocumentState } from './documents.js';
import { compactSectionEdits, documentAfterEdit, recordSectionEdits } from './sectionEdits.js';

/**
 * Two instances on one database each record the edits their connections make. On PostgreSQL an
 * id is taken when a row is inserted, not when it commits: a row with a lower id may become
 * visible after one with a higher id, and after a compaction that ran in between.
 */
const f = useFixture();
const TITLE = 'Samarbeidsstruktur og organisering';

describe('the history written by two instances at once', () => {
  it('the text after another person’s session keeps what a compaction on the other instance merged meanwhile', async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName } = plan.section(TITLE);
    const kommune = { userId: f.user('kommune').id, partyId: f.party('kommune') };
    const hf = { userId: f.user('helseforetak').id, partyId: f.party('helseforetak') };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadDocumentState(f.db, documentName))!);
    const edit = (text: string) => {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      appendParagraph(doc, text);
      return update!;
    };
    const at = () => new Date().toISOString();
    const first = edit('Kommunens første.');
    await recordSectionEdits(f.db, [{ documentName, update: first, author: kommune }], at(), new Set());
    // HF read the kommune's paragraph and writes after it, on instance B: its row takes its id now…
    const afterFirst = readTextFromYDoc(doc);
    const hfEdit = edit('HF skriver.');
    const hfText = readTextFromYDoc(doc);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const hfInserted = new Promise<void>((resolve) => (inserted = resolve));
    const instanceB = f.db.transaction().execute(async (trx) => {
      await recordSectionEdits(trx, [{ documentName, update: hfEdit, author: hf }], at(), new Set([sectionId]));
      inserted();
      await held;
    });
    await hfInserted;
    // …while instance A records the kommune's next edit and compacts, unaware of HF's row.
    const second = edit('Kommunens andre.');
    const timeout = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 300));
    // As DocumentUpdateWriter does: each in its own transaction.
    const instanceA = (async () => {
      await f.db
        .transaction()
        .execute((trx) =>
          recordSectionEdits(trx, [{ documentName, update: second, author: kommune }], at(), new Set([sectionId])),
        );
      await f.db.transaction().execute((trx) => compactSectionEdits(trx, sectionId));
    })();
    // A correct writer may wait for B here (that is the fix); a racing one finishes first.
    await Promise.race([instanceA, timeout]);
    release();
    await instanceB;
    await instanceA;

    const rows = await f.db
      .selectFrom('section_edits')
      .select(['id', 'party_id'])
      .where('section_id', '=', sectionId)
      .orderBy('id')
      .execute();
    const hfRow = rows.find((r) => r.party_id === hf.partyId)!;
    const after = await documentAfterEdit(f.db, sectionId, Number(hfRow.id));
    expect(after).not.toBeNull();
    const text = readTextFromYDoc(after!.doc);
    after!.doc.destroy();
    expect(afterFirst).toContain('Kommunens første.');
    expect(text).toBe(hfText);
  });
});
