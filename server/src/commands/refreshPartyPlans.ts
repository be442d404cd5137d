import type { AppContext } from '../routes/context.js';

/**
 * Rewrites the live projection of every plan the parties take part in: party names and members
 * show there. A no-op for plans nobody has open on this instance.
 */
export async function refreshPartyPlans(ctx: AppContext, partyIds: readonly string[]): Promise<void> {
  if (partyIds.length === 0) return;
  const rows = await ctx.db
    .selectFrom('plan_parties')
    .select('plan_id')
    .distinct()
    .where('party_id', 'in', [...partyIds])
    .execute();
  for (const row of rows) await ctx.projection.refresh(row.plan_id);
}
