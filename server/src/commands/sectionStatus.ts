import { deriveSectionStatus, type SectionStatus } from '@fellesplan/domain';
import type { AppContext } from '../routes/context.js';
import { latestMarkersBySection } from '../storage/repositories/markers.js';
import type { SectionRecord } from '../storage/repositories/plans.js';

export interface CurrentSectionStatus {
  revision: string;
  status: SectionStatus;
  unreadable: boolean;
  empty: boolean;
}

/** The section's current revision and derived status, read now. */
export async function currentSectionStatus(ctx: AppContext, section: SectionRecord): Promise<CurrentSectionStatus> {
  const { revision, unreadable, empty } = await ctx.content.state(section.id);
  const markers = (await latestMarkersBySection(ctx.db, [section.id])).get(section.id) ?? [];
  const status = deriveSectionStatus({
    locked: section.locked,
    requiredParties: section.requiredParties,
    markers,
    revision,
  });
  return { revision, status, unreadable, empty };
}
