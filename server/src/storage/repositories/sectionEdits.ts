import { EDIT_SESSION_GAP_MS, groupEditSessions, parseDocumentName, type EditRecord } from '@fellesplan/domain';
import * as Y from 'yjs';
import type { Db } from '../database.js';
import { lockSectionHistory } from '../rowLocks.js';
import { loadDocumentState } from './documents.js';

/** Who made an update: a person of a party, or nobody (copies, seeds). */
export interface EditAuthor {
  userId: string;
  partyId: string;
}

export interface AuthoredUpdate {
  documentName: string;
  update: Uint8Array;
  author?: EditAuthor | null;
}

/**
 * How many sections `known` holds at most: the oldest is forgotten (and asked about again if
 * edited again), or every section ever edited would stay in it until the process ends.
 */
export const KNOWN_HISTORY_LIMIT = 10_000;

/**
 * Records accepted section updates with their author, in the caller's transaction (which then
 * holds the sections' history lock: see `lockSectionHistory`), before the
 * updates themselves are stored. The first time a section gets history, its stored body so far
 * is recorded first (author unknown), so the text after any later edit can be rebuilt from the
 * history alone. `known` remembers sections that have history, to skip asking again.
 */
export async function recordSectionEdits(
  db: Db,
  updates: readonly AuthoredUpdate[],
  at: string,
  known: Set<string>,
): Promise<void> {
  await lockSectionHistory(
    db,
    updates.flatMap((u) => {
      const ref = parseDocumentName(u.documentName);
      return ref?.kind === 'section' ? [ref.id] : [];
    }),
  );
  const rows = [];
  for (const u of updates) {
    const ref = parseDocumentName(u.documentName);
    if (ref?.kind !== 'section') continue;
    if (!known.has(ref.id)) {
      await recordBaseline(db, ref.id, u.documentName, at);
      known.add(ref.id);
      // A Set iterates in insertion order: the first is the one known longest.
      for (const oldest of known) {
        if (known.size <= KNOWN_HISTORY_LIMIT) break;
        known.delete(oldest);
      }
    }
    rows.push({
      section_id: ref.id,
      user_id: u.author?.userId ?? null,
      party_id: u.author?.partyId ?? null,
      started_at: at,
      created_at: at,
      data: u.update,
    });
  }
  if (rows.length > 0) await db.insertInto('section_edits').values(rows).execute();
}

async function recordBaseline(db: Db, sectionId: string, documentName: string, at: string): Promise<void> {
  const existing = await db
    .selectFrom('section_edits')
    .select('id')
    .where('section_id', '=', sectionId)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const state = await loadDocumentState(db, documentName);
  if (!state) return;
  await db
    .insertInto('section_edits')
    .values({ section_id: sectionId, user_id: null, party_id: null, started_at: at, created_at: at, data: state })
    .execute();
}

/**
 * Merges each session's updates into its last row, so history grows with sessions, not
 * keystrokes, in the caller's transaction. Writers on other instances wait for it (and it for
 * them), so every row it does not see gets a higher id and joins a later compaction. The order of rows, and so of sessions, never changes.
 */
export async function compactSectionEdits(db: Db, sectionId: string, gap = EDIT_SESSION_GAP_MS): Promise<void> {
  await lockSectionHistory(db, [sectionId]);
  const rows = await db
    .selectFrom('section_edits')
    .select(['id', 'user_id', 'party_id', 'started_at', 'created_at', 'edits', 'data'])
    .where('section_id', '=', sectionId)
    .orderBy('id')
    .execute();
  const runs: (typeof rows)[] = [];
  for (const row of rows) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    const sameSession =
      last !== undefined &&
      last.user_id !== null &&
      last.user_id === row.user_id &&
      last.party_id === row.party_id &&
      Date.parse(row.started_at) - Date.parse(last.created_at) <= gap;
    if (run && sameSession) run.push(row);
    else runs.push([row]);
  }
  for (const run of runs) {
    if (run.length < 2) continue;
    const last = run.at(-1)!;
    const first = run[0]!;
    await db
      .updateTable('section_edits')
      .set({
        started_at: first.started_at,
        edits: run.reduce((sum, r) => sum + Number(r.edits), 0),
        data: Y.mergeUpdates(run.map((r) => new Uint8Array(r.data))),
      })
      .where('id', '=', last.id)
      .execute();
    await db
      .deleteFrom('section_edits')
      .where(
        'id',
        'in',
        run.slice(0, -1).map((r) => r.id),
      )
      .execute();
  }
}

/** A section's editing sessions, oldest first (the baseline, by nobody, included). */
export async function listEditSessions(db: Db, sectionId: string): Promise<EditRecord[]> {
  const rows = await db
    .selectFrom('section_edits')
    .select(['id', 'user_id', 'party_id', 'started_at', 'created_at', 'edits'])
    .where('section_id', '=', sectionId)
    .orderBy('id')
    .execute();
  return groupEditSessions(
    rows.map((r) => ({
      id: Number(r.id),
      userId: r.user_id,
      partyId: r.party_id,
      from: r.started_at,
      to: r.created_at,
      edits: Number(r.edits),
    })),
  );
}

/** The section's body after edit `editId` (and every edit before it), or null if there is no such edit. */
export async function documentAfterEdit(
  db: Db,
  sectionId: string,
  editId: number,
): Promise<{ doc: Y.Doc; at: string } | null> {
  const rows = await db
    .selectFrom('section_edits')
    .select(['id', 'created_at', 'data'])
    .where('section_id', '=', sectionId)
    .where('id', '<=', editId)
    .orderBy('id')
    .execute();
  const last = rows.at(-1);
  if (!last || Number(last.id) !== editId) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => new Uint8Array(r.data))));
  return { doc, at: last.created_at };
}
