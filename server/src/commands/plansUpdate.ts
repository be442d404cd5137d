import { adminRefusal, defaultRequiredParties, type PartyKind } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import { setSectionParties } from '../storage/repositories/sections.js';
import { activePartnershipParties } from './activeParties.js';
import { loadAdminPlan } from './adminTarget.js';
import { defineCommand } from './pipeline.js';
import { openPlanNow } from './structureNow.js';

type Change<T> = { from: T; to: T };

/**
 * `plans.update`: title, forum, period and which parties take part. A party taken out of the plan
 * leaves every section's owners and required parties in the same transaction, and its people's
 * open connections to the plan are refused at once. A party taken in becomes required wherever
 * an unlocked section required the plan's default parties (O1); owners are chosen per section.
 */
export const plansUpdate = defineCommand({
  name: 'plans.update',
  load: (ctx, actor, input) => loadAdminPlan(ctx, actor, input.planId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { actor, input, target: { plan } }) {
    const { partyIds: before } = await openPlanNow(trx, plan.id);
    const changes: Record<string, Change<string | null>> = {};
    const row = await trx
      .selectFrom('plans')
      .select(['title', 'forum', 'period'])
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    for (const field of ['title', 'forum', 'period'] as const) {
      const to = input[field];
      if (to !== undefined && to !== row[field]) changes[field] = { from: row[field], to };
    }
    if (Object.keys(changes).length > 0) {
      await trx
        .updateTable('plans')
        .set(Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c.to])))
        .where('id', '=', plan.id)
        .execute();
    }

    let added: string[] = [];
    let removed: string[] = [];
    if (input.partyIds) {
      // A party deactivated while in the plan may stay; only parties taken in must be active.
      const parties = await activePartnershipParties(trx, actor.helsefellesskapId, input.partyIds, before);
      const after = parties.map((p) => p.id);
      added = after.filter((id) => !before.includes(id));
      removed = before.filter((id) => !after.includes(id));
      await applyParties(trx, plan.id, { before, added, removed });
    }
    return {
      result: { ok: true },
      audit: {
        type: 'plan.updated',
        sectionId: null,
        payload: { ...changes, addedParties: added, removedParties: removed },
      },
    };
  },
  async after(ctx, { target: { plan }, input }) {
    if (input.partyIds) await ctx.accessChanges.publish({ kind: 'plan', planId: plan.id });
  },
});

/**
 * Takes parties in and out of the plan. Sections that required the plan's default parties (every
 * non-sekretariat party, O1) keep doing so: a kommune taken in must take a stance too. Locked
 * sections keep their required parties: their agreement is history until they are reopened.
 */
async function applyParties(
  trx: Transaction<Database>,
  planId: string,
  { before, added, removed }: { before: string[]; added: string[]; removed: string[] },
): Promise<void> {
  if (added.length === 0 && removed.length === 0) return;
  const kinds = await trx
    .selectFrom('parties')
    .select(['id', 'kind'])
    .where('id', 'in', [...before, ...added])
    .execute();
  const withKind = (ids: string[]) =>
    kinds.filter((p) => ids.includes(p.id)).map((p) => ({ id: p.id, kind: p.kind as PartyKind }));
  const defaultBefore = defaultRequiredParties(withKind(before));
  const newlyRequired = defaultRequiredParties(withKind(added));

  // Read before anything changes: which unlocked sections require exactly the default parties.
  const requiredRows = await trx
    .selectFrom('section_required_parties')
    .innerJoin('sections', 'sections.id', 'section_required_parties.section_id')
    .select(['section_required_parties.section_id', 'section_required_parties.party_id'])
    .where('sections.plan_id', '=', planId)
    .where('sections.deleted_at', 'is', null)
    .where('sections.locked', '=', 0)
    .execute();
  const unlocked = await trx
    .selectFrom('sections')
    .select('id')
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .where('locked', '=', 0)
    .execute();
  const followDefault = unlocked
    .map((s) => s.id)
    .filter((id) =>
      sameSet(
        requiredRows.filter((r) => r.section_id === id).map((r) => r.party_id),
        defaultBefore,
      ),
    );

  if (removed.length > 0) {
    await trx.deleteFrom('plan_parties').where('plan_id', '=', planId).where('party_id', 'in', removed).execute();
    for (const table of ['section_owners', 'section_required_parties'] as const) {
      await trx
        .deleteFrom(table)
        .where('party_id', 'in', removed)
        .where('section_id', 'in', (eb) =>
          eb.selectFrom('sections').select('id').where('plan_id', '=', planId).where('deleted_at', 'is', null),
        )
        .execute();
    }
  }
  if (added.length === 0) return;
  await trx
    .insertInto('plan_parties')
    .values(added.map((party_id) => ({ plan_id: planId, party_id })))
    .execute();
  if (newlyRequired.length === 0) return;
  const stillRequired = defaultBefore.filter((id) => !removed.includes(id));
  for (const sectionId of followDefault) {
    await setSectionParties(trx, 'section_required_parties', sectionId, [...stillRequired, ...newlyRequired]);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
