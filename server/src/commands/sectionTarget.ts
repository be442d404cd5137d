import type { SessionUser } from '../auth/sessions.js';
import { visibleSection } from '../access/visibleTo.js';
import type { AppContext } from '../routes/context.js';
import type { PlanRecord, SectionRecord } from '../storage/repositories/plans.js';
import { currentSectionStatus, type CurrentSectionStatus } from './sectionStatus.js';

/** A section a command acts on, with its plan and its status as it is now. */
export interface SectionTarget {
  section: SectionRecord;
  plan: PlanRecord;
  current: CurrentSectionStatus;
}

/** The loader of section commands: 404 unless the actor takes part in the section's plan. */
export async function loadSectionTarget(
  ctx: AppContext,
  actor: SessionUser,
  input: { sectionId: string },
): Promise<SectionTarget> {
  const { section, plan } = await visibleSection(ctx.db, actor, input.sectionId);
  return { section, plan, current: await currentSectionStatus(ctx, section) };
}

/** The section as the domain policies see it: its stored state and, now, its status. */
export function governedSection({ section, current }: { section: SectionRecord; current: CurrentSectionStatus }) {
  return {
    ...section,
    status: current.status,
    empty: current.empty,
    ...(current.unreadable ? { contentError: 'unreadable' as const } : {}),
  };
}
