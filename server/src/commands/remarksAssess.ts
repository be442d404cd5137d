import { assessRefusal, DomainError } from '@fellesplan/domain';
import { findSection } from '../storage/repositories/plans.js';
import { loadRemarkTarget } from './hearingTarget.js';
import { defineCommand } from './pipeline.js';

/**
 * `remarks.assess {remarkId, assessment, justification}` [HR6]: the sekretariat or an owner of the
 * remark's section answers it. Assessing again overwrites; the log keeps every assessment.
 */
export const remarksAssess = defineCommand({
  name: 'remarks.assess',
  load: loadRemarkTarget,
  authorize: (actor, { plan, remarkSection }) => assessRefusal(actor, remarkSection, plan),
  async change(trx, { actor, input, target: { plan, remark }, at }) {
    // Owners as committed: a party taken off the section since `load` assesses no more.
    const refusal = assessRefusal(actor, await findSection(trx, remark.section_id), plan);
    if (refusal) throw new DomainError(refusal);
    const before = await trx
      .selectFrom('hearing_remarks')
      .select(['assessment', 'justification'])
      .where('id', '=', remark.id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('hearing_remarks')
      .set({
        assessment: input.assessment,
        justification: input.justification,
        assessed_by: actor.userId,
        assessed_party: actor.partyId,
        assessed_at: at,
      })
      .where('id', '=', remark.id)
      .execute();
    return {
      result: { ok: true },
      audit: {
        type: 'remark.assessed',
        sectionId: remark.section_id,
        payload: {
          remarkId: remark.id,
          hearingId: remark.hearing_id,
          assessment: input.assessment,
          justification: input.justification,
          previousAssessment: before.assessment,
          previousJustification: before.justification,
        },
      },
    };
  },
});
