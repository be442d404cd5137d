import type { Party, PartyKind, PlanMembership, SectionAccess } from '@fellesplan/domain';
import type { Db } from '../database.js';

export interface PlanRecord extends PlanMembership {
  title: string;
  forum: string | null;
  parties: Party[];
  helsefellesskapId: string;
  period: string | null;
  /** When archived: read-only for everyone, still readable. */
  archivedAt: string | null;
}

export interface SectionRecord extends SectionAccess {
  title: string;
  position: number;
  requiredParties: string[];
  tags: string[];
}

export async function findPlan(db: Db, planId: string): Promise<PlanRecord | null> {
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) return null;
  const parties = await db
    .selectFrom('plan_parties')
    .innerJoin('parties', 'parties.id', 'plan_parties.party_id')
    .select(['parties.id', 'parties.name', 'parties.kind'])
    .where('plan_parties.plan_id', '=', planId)
    .orderBy('parties.created_at')
    .orderBy('parties.name')
    .execute();
  return {
    id: plan.id,
    title: plan.title,
    forum: plan.forum,
    helsefellesskapId: plan.helsefellesskap_id,
    period: plan.period,
    archivedAt: plan.archived_at,
    archived: plan.archived_at !== null,
    partyIds: parties.map((p) => p.id),
    parties: parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind as PartyKind })),
  };
}

/** Plans in which the given party takes part, archived ones included, in creation order. */
export async function listPlansForParty(db: Db, partyId: string) {
  return db
    .selectFrom('plans')
    .innerJoin('plan_parties', 'plan_parties.plan_id', 'plans.id')
    .select((eb) => [
      'plans.id',
      'plans.title',
      'plans.forum',
      'plans.period',
      'plans.archived_at',
      eb
        .selectFrom('sections')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('sections.plan_id', '=', 'plans.id')
        .where('sections.deleted_at', 'is', null)
        .as('section_count'),
    ])
    .where('plan_parties.party_id', '=', partyId)
    .orderBy('plans.created_at')
    .execute();
}

export async function listSections(db: Db, planId: string): Promise<SectionRecord[]> {
  const rows = await db
    .selectFrom('sections')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  return attachParties(db, rows);
}

export async function findSection(db: Db, sectionId: string): Promise<SectionRecord | null> {
  // A deleted section is gone for everyone: its row stays only as evidence.
  const rows = await db
    .selectFrom('sections')
    .selectAll()
    .where('id', '=', sectionId)
    .where('deleted_at', 'is', null)
    .execute();
  const [section] = await attachParties(db, rows);
  return section ?? null;
}

async function attachParties(
  db: Db,
  rows: { id: string; plan_id: string; title: string; position: number; locked: number; tags: string }[],
): Promise<SectionRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [owners, required] = await Promise.all([
    db.selectFrom('section_owners').selectAll().where('section_id', 'in', ids).execute(),
    db.selectFrom('section_required_parties').selectAll().where('section_id', 'in', ids).execute(),
  ]);
  const group = (list: { section_id: string; party_id: string }[], id: string) =>
    list.filter((x) => x.section_id === id).map((x) => x.party_id);
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    title: r.title,
    position: r.position,
    locked: r.locked === 1,
    owners: group(owners, r.id),
    requiredParties: group(required, r.id),
    tags: parseTags(r.tags),
  }));
}

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Locks or unlocks a section if it is not so already; false when it was (a concurrent command
 * got there first). The condition is in the statement, so two such commands cannot both succeed.
 */
export async function setSectionLocked(db: Db, sectionId: string, locked: boolean): Promise<boolean> {
  const updated = await db
    .updateTable('sections')
    .set({ locked: locked ? 1 : 0 })
    .where('id', '=', sectionId)
    .where('locked', '=', locked ? 0 : 1)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/**
 * True if the section is not locked, holding its row until the transaction ends. It is a write
 * (of the value the row has), not a read: on PostgreSQL it takes the row lock a concurrent
 * `sections.lock` needs, and on SQLite it makes the transaction a writer from its first statement.
 */
export async function stillUnlocked(db: Db, sectionId: string): Promise<boolean> {
  const updated = await db
    .updateTable('sections')
    .set({ locked: 0 })
    .where('id', '=', sectionId)
    .where('locked', '=', 0)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
