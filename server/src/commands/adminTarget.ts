import { DomainError, isAdministrator, isPlanMember } from '@fellesplan/domain';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';
import { findPlan, findSection, type PlanRecord, type SectionRecord } from '../storage/repositories/plans.js';
import type { PartnershipTarget } from './pipeline.js';

/** Administrative commands act on the actor's own helsefellesskap, never on another's. */
export async function loadPartnership(_ctx: AppContext, actor: SessionUser): Promise<PartnershipTarget> {
  return { helsefellesskapId: actor.helsefellesskapId };
}

/**
 * A plan an administrator may change: one of their own helsefellesskap. Anyone else who does not
 * take part in it gets 404, as for reading; a member who is not an administrator gets 403.
 */
export async function loadAdminPlan(
  ctx: AppContext,
  actor: SessionUser,
  planId: string,
): Promise<{ plan: PlanRecord }> {
  const plan = await findPlan(ctx.db, planId);
  if (!plan || plan.helsefellesskapId !== actor.helsefellesskapId) throw new DomainError('not_found');
  if (!isAdministrator(actor) && !isPlanMember(actor, plan)) throw new DomainError('not_found');
  return { plan };
}

/** A section of such a plan (not deleted). */
export async function loadAdminSection(
  ctx: AppContext,
  actor: SessionUser,
  sectionId: string,
): Promise<{ plan: PlanRecord; section: SectionRecord }> {
  const section = await findSection(ctx.db, sectionId);
  if (!section) throw new DomainError('not_found');
  const { plan } = await loadAdminPlan(ctx, actor, section.planId);
  return { plan, section };
}
