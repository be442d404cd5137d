import { sectionDocumentName } from '@fellesplan/domain';
import { writeJsonToYDoc, type TiptapJSON } from '@fellesplan/editor';
import * as Y from 'yjs';
import type { Db } from '../database.js';
import { appendDocumentUpdates } from './documents.js';

/** The party lists of a section: who writes it, whose stance it needs. */
export type SectionPartyTable = 'section_owners' | 'section_required_parties';

export interface NewSection {
  id: string;
  planId: string;
  position: number;
  title: string;
  owners: readonly string[];
  requiredParties: readonly string[];
  tags: readonly string[];
  /** The body, written afresh into a new document: no Yjs history is shared with any other. */
  body?: TiptapJSON | null;
  at: string;
}

export async function insertSection(db: Db, section: NewSection): Promise<void> {
  await db
    .insertInto('sections')
    .values({
      id: section.id,
      plan_id: section.planId,
      position: section.position,
      title: section.title,
      locked: 0,
      created_at: section.at,
      tags: JSON.stringify(section.tags),
    })
    .execute();
  await setSectionParties(db, 'section_owners', section.id, section.owners);
  await setSectionParties(db, 'section_required_parties', section.id, section.requiredParties);
  if (section.body) await writeNewSectionBody(db, section.id, section.body);
}

/**
 * Stores the body of a section that has none yet (nobody has its document open): the JSON is
 * written into a fresh Y.Doc, so the new document shares no Yjs history or client ids with any other.
 */
export async function writeNewSectionBody(db: Db, sectionId: string, body: TiptapJSON): Promise<void> {
  const doc = new Y.Doc();
  try {
    writeJsonToYDoc(doc, body);
    await appendDocumentUpdates(db, [
      { documentName: sectionDocumentName(sectionId), update: Y.encodeStateAsUpdate(doc) },
    ]);
  } finally {
    doc.destroy();
  }
}

/** Replaces one party list of a section. */
export async function setSectionParties(
  db: Db,
  table: SectionPartyTable,
  sectionId: string,
  partyIds: readonly string[],
): Promise<void> {
  await db.deleteFrom(table).where('section_id', '=', sectionId).execute();
  if (partyIds.length === 0) return;
  await db
    .insertInto(table)
    .values(partyIds.map((party_id) => ({ section_id: sectionId, party_id })))
    .execute();
}

/** The plan's sections that are not deleted, in plan order. */
export async function orderedSections(db: Db, planId: string) {
  return db
    .selectFrom('sections')
    .select(['id', 'position'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

/** Numbers the plan's sections 0, 1, 2 … in the given order, writing only the positions that change. */
export async function writeSectionOrder(
  db: Db,
  current: readonly { id: string; position: number }[],
  order: readonly string[],
): Promise<void> {
  const positions = new Map(current.map((s) => [s.id, s.position]));
  for (const [position, id] of order.entries()) {
    if (positions.get(id) === position) continue;
    await db.updateTable('sections').set({ position }).where('id', '=', id).execute();
  }
}
