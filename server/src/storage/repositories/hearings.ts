import type { Db } from '../database.js';
import type { HearingRemarkRow, HearingResponseRow, HearingRow } from '../schema.js';

/** [HR3] Open: not closed early and the deadline not reached, at `now`. */
export function hearingIsOpen(hearing: Pick<HearingRow, 'closed_at' | 'deadline'>, now: Date): boolean {
  return hearing.closed_at === null && now.getTime() < Date.parse(hearing.deadline);
}

export async function findHearing(db: Db, hearingId: string): Promise<HearingRow | null> {
  return (await db.selectFrom('hearings').selectAll().where('id', '=', hearingId).executeTakeFirst()) ?? null;
}

/** Public tokens are 32 random bytes in base64url; anything else is no hearing, without a lookup. */
const PUBLIC_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function findHearingByToken(db: Db, token: string): Promise<HearingRow | null> {
  if (!PUBLIC_TOKEN.test(token)) return null;
  return (await db.selectFrom('hearings').selectAll().where('public_token', '=', token).executeTakeFirst()) ?? null;
}

/** The plan's hearings, newest first. */
export async function listHearings(db: Db, planId: string): Promise<HearingRow[]> {
  return db
    .selectFrom('hearings')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function findResponse(db: Db, responseId: string): Promise<HearingResponseRow | null> {
  return (await db.selectFrom('hearing_responses').selectAll().where('id', '=', responseId).executeTakeFirst()) ?? null;
}

export async function findRemark(db: Db, remarkId: string): Promise<HearingRemarkRow | null> {
  return (await db.selectFrom('hearing_remarks').selectAll().where('id', '=', remarkId).executeTakeFirst()) ?? null;
}

export async function listResponses(db: Db, hearingId: string): Promise<HearingResponseRow[]> {
  return db
    .selectFrom('hearing_responses')
    .selectAll()
    .where('hearing_id', '=', hearingId)
    .orderBy('created_at')
    .orderBy('reference')
    .execute();
}

export async function listRemarks(db: Db, hearingId: string): Promise<HearingRemarkRow[]> {
  return db
    .selectFrom('hearing_remarks')
    .selectAll()
    .where('hearing_id', '=', hearingId)
    .orderBy('response_id')
    .orderBy('position')
    .execute();
}

/** Responses, remarks and assessed remarks per hearing of a plan, for summaries and the projection. */
export async function hearingCounts(
  db: Db,
  planId: string,
): Promise<Map<string, { responses: number; remarks: number; assessed: number }>> {
  const responses = await db
    .selectFrom('hearing_responses')
    .innerJoin('hearings', 'hearings.id', 'hearing_responses.hearing_id')
    .select(['hearing_responses.hearing_id as id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('hearings.plan_id', '=', planId)
    .groupBy('hearing_responses.hearing_id')
    .execute();
  const remarks = await db
    .selectFrom('hearing_remarks')
    .innerJoin('hearings', 'hearings.id', 'hearing_remarks.hearing_id')
    .select([
      'hearing_remarks.hearing_id as id',
      (eb) => eb.fn.countAll<string | number>().as('n'),
      (eb) => eb.fn.count<string | number>('hearing_remarks.assessment').as('assessed'),
    ])
    .where('hearings.plan_id', '=', planId)
    .groupBy('hearing_remarks.hearing_id')
    .execute();
  const counts = new Map<string, { responses: number; remarks: number; assessed: number }>();
  const entry = (id: string) => {
    let found = counts.get(id);
    if (!found) counts.set(id, (found = { responses: 0, remarks: 0, assessed: 0 }));
    return found;
  };
  for (const row of responses) entry(row.id).responses = Number(row.n);
  for (const row of remarks) {
    entry(row.id).remarks = Number(row.n);
    entry(row.id).assessed = Number(row.assessed);
  }
  return counts;
}
