import { DomainError, isPlanMember } from '@fellesplan/domain';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';
import { findPlan, findSection, type PlanRecord, type SectionRecord } from '../storage/repositories/plans.js';

/** The section and its plan, or 404 — also for non-members, who must not learn that it exists. */
export async function loadSectionForActor(
  ctx: AppContext,
  actor: SessionUser,
  sectionId: string,
): Promise<{ section: SectionRecord; plan: PlanRecord }> {
  const section = await findSection(ctx.db, sectionId);
  const plan = section ? await findPlan(ctx.db, section.planId) : null;
  if (!section || !plan || !isPlanMember(actor, plan)) throw new DomainError('not_found', { what: 'section' });
  return { section, plan };
}
