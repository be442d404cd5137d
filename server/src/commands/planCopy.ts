import { CONTENT_FIELD, readSectionBody, stripDisallowedLinks, type TiptapJSON } from '@fellesplan/editor';
import { DomainError, type Party } from '@fellesplan/domain';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';
import { findPlan, listSections, type SectionRecord } from '../storage/repositories/plans.js';

/** What a new plan takes from an earlier one: its parties (to map owners) and its sections with their text. */
export interface PlanCopy {
  planId: string;
  parties: Party[];
  sections: (Pick<SectionRecord, 'title' | 'owners' | 'requiredParties' | 'tags'> & { body: TiptapJSON | null })[];
}

/**
 * Reads an earlier plan of the actor's own helsefellesskap (archived or not) for `plans.create`:
 * each section's body as it is now (live edits included) as JSON, to be written afresh into the
 * new sections' documents. A body that cannot be read refuses the copy (409) rather than lose text.
 */
export async function readPlanCopy(ctx: AppContext, actor: SessionUser, planId: string): Promise<PlanCopy> {
  const plan = await findPlan(ctx.db, planId);
  if (!plan || plan.helsefellesskapId !== actor.helsefellesskapId) throw new DomainError('not_found');
  const sections = [];
  for (const section of await listSections(ctx.db, plan.id)) {
    const body = await ctx.content.withDocument(section.id, (doc) => {
      if (doc.getXmlFragment(CONTENT_FIELD).length === 0) return null;
      const read = readSectionBody(doc);
      if (!read.readable) throw new DomainError('section_unreadable');
      return stripDisallowedLinks(read.json);
    });
    const { title, owners, requiredParties, tags } = section;
    sections.push({ title, owners, requiredParties, tags, body });
  }
  return { planId: plan.id, parties: plan.parties, sections };
}
