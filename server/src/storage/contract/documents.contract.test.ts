import { readTextFromYDoc } from '@fellesplan/editor';
import type { KyselyPlugin, QueryId } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph } from '../../testing/editContent.js';
import type { Db } from '../database.js';
import {
  appendDocumentUpdate,
  appendDocumentUpdates,
  compactDocument,
  latestUpdateId,
  loadDocumentState,
  loadDocumentUpdates,
  storedUpdateIds,
} from '../repositories/documents.js';
import { ADAPTERS, useContractStore } from './contractStore.js';

/** The updates `edit` makes to `doc`, one per transaction. */
function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on('update', collect);
  edit();
  doc.off('update', collect);
  return updates;
}

async function storedText(db: Db, documentName: string): Promise<string> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(db, documentName);
  if (state) Y.applyUpdate(doc, state);
  return readTextFromYDoc(doc);
}

/**
 * `db` with `between` run after its first SELECT has been answered and before the caller gets
 * the answer: inside a transaction, exactly between reading and acting on what was read.
 */
function afterFirstRead(db: Db, between: (rows: readonly Record<string, unknown>[]) => Promise<void>): Db {
  const selects = new WeakSet<QueryId>();
  let fired = false;
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      if (node.kind === 'SelectQueryNode') selects.add(queryId);
      return node;
    },
    async transformResult({ result, queryId }) {
      if (!fired && selects.has(queryId)) {
        fired = true;
        await between(result.rows);
      }
      return result;
    },
  };
  return db.withPlugin(plugin);
}

describe.each(ADAPTERS)('document updates on %s', (adapter) => {
  const store = useContractStore(adapter);
  const name = 'section:kontrakt';

  it('[ST1] appended updates come back merged; ids are numbers that grow with every row', async () => {
    const { db } = store();
    const doc = new Y.Doc();
    const [first, second, third] = updatesOf(doc, () => {
      appendParagraph(doc, 'En.');
      appendParagraph(doc, 'To.');
      appendParagraph(doc, 'Tre.');
    });
    expect(await loadDocumentState(db, name)).toBeNull();
    expect(await latestUpdateId(db, name)).toBeNull();
    await appendDocumentUpdate(db, name, first ?? new Uint8Array());
    await appendDocumentUpdates(db, [
      { documentName: name, update: second ?? new Uint8Array() },
      { documentName: 'section:en-annen', update: first ?? new Uint8Array() },
      { documentName: name, update: third ?? new Uint8Array() },
    ]);

    expect(await storedText(db, name)).toBe('En.\n\nTo.\n\nTre.');
    const rows = await loadDocumentUpdates(db, name);
    expect(rows.map((r) => [...r.data])).toEqual([first, second, third].map((u) => [...(u ?? [])]));
    const ids = await storedUpdateIds(db, name);
    expect(ids).toEqual(rows.map((r) => r.id));
    for (const id of ids) expect(typeof id).toBe('number');
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(await latestUpdateId(db, name)).toBe(ids.at(-1));
  });

  it('[ST1] compaction replaces the rows of one document with one row holding its state', async () => {
    const { db } = store();
    const doc = new Y.Doc();
    const updates = updatesOf(doc, () => ['En.', 'To.', 'Tre.'].forEach((text) => appendParagraph(doc, text)));
    await appendDocumentUpdates(db, [
      ...updates.map((update) => ({ documentName: name, update })),
      { documentName: 'section:en-annen', update: updates[0] ?? new Uint8Array() },
    ]);
    const before = await storedUpdateIds(db, name);
    const untouched = await storedUpdateIds(db, 'section:en-annen');

    await compactDocument(db, name, () => Y.encodeStateAsUpdate(doc));

    const after = await storedUpdateIds(db, name);
    expect(after).toHaveLength(1);
    expect(after[0]).toBeGreaterThan(before.at(-1) ?? 0);
    expect(await storedText(db, name)).toBe('En.\n\nTo.\n\nTre.');
    expect(await storedUpdateIds(db, 'section:en-annen')).toEqual(untouched);
    // Nothing stored: nothing to compact, and no row is invented.
    await compactDocument(db, 'section:tom', () => Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await storedUpdateIds(db, 'section:tom')).toEqual([]);
  });

  it('[ST2] compaction keeps an update another connection commits after compaction read its upper bound', async () => {
    const { db, connect } = store();
    const doc = new Y.Doc();
    const updates = updatesOf(doc, () => ['Første.', 'Andre.'].forEach((text) => appendParagraph(doc, text)));
    await appendDocumentUpdates(
      db,
      updates.map((update) => ({ documentName: name, update })),
    );
    const before = await storedUpdateIds(db, name);
    // Another server instance stores an edit its client made; this instance's `doc` lacks it.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(doc));
    const [concurrent] = updatesOf(elsewhere, () => appendParagraph(elsewhere, 'Skrevet et annet sted.'));
    const other = await connect();

    let bound: unknown;
    const compacting = afterFirstRead(db, async ([row]) => {
      bound = row?.max;
      // On SQLite the compaction's transaction began immediate and holds the file's write lock, and
      // better-sqlite3 waits for a lock synchronously: the other connection could only write after
      // the compaction committed, so it writes then (below). PostgreSQL lets it commit in the window.
      if (adapter === 'postgres') await appendDocumentUpdate(other, name, concurrent ?? new Uint8Array());
    });
    const outcome = await compactDocument(compacting, name, () => Y.encodeStateAsUpdate(doc)).then(
      () => 'compacted',
      (error: unknown) => error,
    );
    if (adapter === 'sqlite') await appendDocumentUpdate(other, name, concurrent ?? new Uint8Array());

    expect(outcome).toBe('compacted');
    expect(Number(bound)).toBe(before.at(-1));
    const after = await storedUpdateIds(db, name);
    // The other connection's row is newer than the bound, and it survives: compacted state plus it.
    expect(after.filter((id) => id > Number(bound)).length).toBeGreaterThan(0);
    expect(after.some((id) => before.includes(id))).toBe(false);
    expect(after).toHaveLength(2);
    expect(await storedText(db, name)).toBe('Første.\n\nAndre.\n\nSkrevet et annet sted.');
  });

  it('[ST1] updates appended by many transactions at once are all stored', async () => {
    const { db, connect } = store();
    const other = await connect();
    const doc = new Y.Doc();
    const updates = updatesOf(doc, () => {
      for (let n = 1; n <= 40; n++) appendParagraph(doc, `Avsnitt ${n}.`);
    });
    await Promise.all(updates.map((update, n) => appendDocumentUpdate(n % 2 ? db : other, name, update)));
    expect(await storedUpdateIds(db, name)).toHaveLength(40);
    const text = await storedText(db, name);
    for (let n = 1; n <= 40; n++) expect(text).toContain(`Avsnitt ${n}.`);
  });
  it('[ST2][L5] a compaction from a copy that is behind what is stored keeps every stored edit (another instance wrote meanwhile)', async () => {
    const { db } = store();
    const doc = new Y.Doc();
    for (const update of updatesOf(doc, () => appendParagraph(doc, 'Gammel tekst.'))) {
      await appendDocumentUpdate(db, name, update);
    }
    // This instance's copy stops here; another instance goes on and deletes the old text.
    const behind = Y.encodeStateAsUpdate(doc);
    const later = updatesOf(doc, () => {
      const fragment = doc.getXmlFragment('content');
      fragment.delete(0, fragment.length);
      appendParagraph(doc, 'Ny tekst.');
    });
    for (const update of later) await appendDocumentUpdate(db, name, update);

    await compactDocument(db, name, () => behind);

    expect(await storedUpdateIds(db, name)).toHaveLength(1);
    const text = await storedText(db, name);
    expect(text).toContain('Ny tekst.');
    expect(text).not.toContain('Gammel tekst.');
  });
});
