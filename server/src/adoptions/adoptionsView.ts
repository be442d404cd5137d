import {
  adoptedBy,
  isAdopted,
  mustAdopt,
  type AdoptionOutcome,
  type AdoptionRoundView,
  type AdoptionsView,
  type PartyKind,
  type PlanAdoptionStatus,
  type PlanView,
} from '@fellesplan/domain';
import type { Db } from '../storage/database.js';

/** What a version says each section's text was: its revision by section id. */
type Revisions = ReadonlyMap<string, string>;

// Versions never change, so what one says about its revisions is read once per process.
const versionRevisionCache = new Map<string, Revisions>();
const VERSION_CACHE_LIMIT = 500;

async function versionRevisions(db: Db, versionId: string): Promise<Revisions> {
  const cached = versionRevisionCache.get(versionId);
  if (cached) return cached;
  const row = await db.selectFrom('versions').select('snapshot').where('id', '=', versionId).executeTakeFirst();
  const snapshot = row ? (JSON.parse(row.snapshot) as Pick<PlanView, 'sections'>) : { sections: [] };
  const revisions = new Map(snapshot.sections.map((s) => [s.id, s.revision]));
  if (versionRevisionCache.size >= VERSION_CACHE_LIMIT) versionRevisionCache.clear();
  versionRevisionCache.set(versionId, revisions);
  return revisions;
}

/**
 * [AD5] The sections whose text is not what the version sent: a revision that differs, a section
 * added since, or one deleted since. Revisions are hashes of the text (R1), so no diff is needed.
 */
export function changedSections(sent: Revisions, now: readonly { id: string; revision: string }[]): string[] {
  const changed = now.filter((s) => sent.get(s.id) !== s.revision).map((s) => s.id);
  const present = new Set(now.map((s) => s.id));
  for (const id of sent.keys()) if (!present.has(id)) changed.push(id);
  return changed;
}

/** The parties that must adopt the plan: its active parties but the sekretariat, in plan order. */
export async function adoptingParties(db: Db, planId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_parties')
    .innerJoin('parties', 'parties.id', 'plan_parties.party_id')
    .select(['parties.id', 'parties.kind'])
    .where('plan_parties.plan_id', '=', planId)
    .where('parties.deactivated_at', 'is', null)
    .orderBy('parties.created_at')
    .orderBy('parties.name')
    .execute();
  return rows.filter((row) => mustAdopt({ kind: row.kind as PartyKind })).map((row) => row.id);
}

async function listRounds(db: Db, planId: string, limit?: number) {
  let query = db
    .selectFrom('adoption_rounds')
    .innerJoin('versions', 'versions.id', 'adoption_rounds.version_id')
    .select([
      'adoption_rounds.id',
      'adoption_rounds.version_id',
      'adoption_rounds.note',
      'adoption_rounds.created_at',
      'versions.name as version_name',
    ])
    .where('adoption_rounds.plan_id', '=', planId)
    .orderBy('adoption_rounds.created_at', 'desc')
    .orderBy('adoption_rounds.id', 'desc');
  if (limit !== undefined) query = query.limit(limit);
  return query.execute();
}

async function listDecisions(db: Db, roundIds: readonly string[]) {
  if (roundIds.length === 0) return [];
  return db
    .selectFrom('adoptions')
    .leftJoin('users', 'users.id', 'adoptions.recorded_by')
    .select([
      'adoptions.round_id',
      'adoptions.party_id',
      'adoptions.body',
      'adoptions.date',
      'adoptions.case_number',
      'adoptions.outcome',
      'adoptions.note',
      'adoptions.recorded_at',
      'users.name as recorded_by_name',
    ])
    .where('adoptions.round_id', 'in', roundIds)
    .orderBy('adoptions.recorded_at')
    .execute();
}

/**
 * `GET /api/plans/:planId/adoptions`: every round newest first with its decisions. `sections` are
 * the plan's sections with their current revisions (the plan view has them).
 */
export async function loadAdoptionsView(
  db: Db,
  planId: string,
  sections: readonly { id: string; revision: string }[],
): Promise<AdoptionsView> {
  const rounds = await listRounds(db, planId);
  const parties = await adoptingParties(db, planId);
  const decisions = await listDecisions(
    db,
    rounds.map((r) => r.id),
  );
  const views: AdoptionRoundView[] = [];
  for (const round of rounds) {
    const changed = changedSections(await versionRevisions(db, round.version_id), sections);
    const view: AdoptionRoundView = {
      id: round.id,
      versionId: round.version_id,
      versionName: round.version_name,
      sentAt: round.created_at,
      note: round.note,
      textChanged: changed.length > 0,
      changedSections: changed,
      decisions: decisions
        .filter((d) => d.round_id === round.id)
        .map((d) => ({
          partyId: d.party_id,
          body: d.body,
          date: d.date,
          caseNumber: d.case_number,
          outcome: d.outcome as AdoptionOutcome,
          note: d.note,
          recordedBy: d.recorded_by_name ?? '',
          recordedAt: d.recorded_at,
        })),
      parties,
      adopted: false,
    };
    views.push({ ...view, adopted: isAdopted(view) });
  }
  return { rounds: views };
}

/** The newest round in short, for the plan list and the plan page; null when there is none. */
export async function loadAdoptionStatus(
  db: Db,
  planId: string,
  sections: readonly { id: string; revision: string }[],
): Promise<PlanAdoptionStatus | null> {
  const [round] = await listRounds(db, planId, 1);
  if (!round) return null;
  const parties = await adoptingParties(db, planId);
  const decisions = (await listDecisions(db, [round.id])).map((d) => ({
    partyId: d.party_id,
    outcome: d.outcome as AdoptionOutcome,
  }));
  const tally = { parties, decisions };
  const changed = changedSections(await versionRevisions(db, round.version_id), sections);
  return {
    roundId: round.id,
    versionId: round.version_id,
    versionName: round.version_name,
    adopted: adoptedBy(tally).length,
    parties: parties.length,
    status: isAdopted(tally) ? 'adopted' : 'sent',
    textChanged: changed.length > 0,
  };
}
