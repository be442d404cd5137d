import { DomainError, hearingManageRefusal } from '@fellesplan/domain';
import type { HearingResponseRow } from '../storage/schema.js';
import { loadResponseTarget } from './hearingTarget.js';
import { defineCommand, type AuditEntry } from './pipeline.js';

/** What the log says of a change to a response's visibility: which response, and why. */
function visibilityEvent(
  type: 'response.withheld' | 'response.redacted' | 'response.published',
  response: HearingResponseRow,
  reason: string,
  more: Record<string, unknown> = {},
): { result: { ok: true }; audit: AuditEntry } {
  return {
    result: { ok: true },
    audit: {
      type,
      sectionId: null,
      payload: {
        responseId: response.id,
        hearingId: response.hearing_id,
        reference: response.reference,
        reason,
        ...more,
      },
    },
  };
}

/**
 * [HR5] The sekretariat decides what the public sees of a response; what was sent is never
 * changed. `responses.withhold` takes it off the public page (health information, slander …).
 */
export const responsesWithhold = defineCommand({
  name: 'responses.withhold',
  load: loadResponseTarget,
  authorize: (actor, { plan }) => hearingManageRefusal(actor, plan),
  async change(trx, { input, target: { response } }) {
    await trx
      .updateTable('hearing_responses')
      .set({ visibility: 'withheld', visibility_reason: input.reason })
      .where('id', '=', response.id)
      .execute();
    return visibilityEvent('response.withheld', response, input.reason);
  },
});

/**
 * `responses.redact`: the public reads the response with parts taken out. `statement` omitted
 * keeps what the public reads of the statement, null hides it; each remark listed gets the text the
 * public reads. The log records which parts were redacted and why, not the redacted words.
 */
export const responsesRedact = defineCommand({
  name: 'responses.redact',
  load: loadResponseTarget,
  authorize: (actor, { plan }) => hearingManageRefusal(actor, plan),
  async change(trx, { input, target: { response } }) {
    const remarks = await trx
      .selectFrom('hearing_remarks')
      .select('id')
      .where('response_id', '=', response.id)
      .execute();
    const own = new Set(remarks.map((r) => r.id));
    if (input.remarks.some((r) => !own.has(r.remarkId))) throw new DomainError('remark_not_in_response');
    const publicStatement =
      input.statement === undefined ? (response.public_statement ?? response.statement) : input.statement;
    await trx
      .updateTable('hearing_responses')
      .set({ visibility: 'redacted', visibility_reason: input.reason, public_statement: publicStatement })
      .where('id', '=', response.id)
      .execute();
    for (const remark of input.remarks) {
      await trx
        .updateTable('hearing_remarks')
        .set({ public_text: remark.text, public_proposed_text: remark.proposedText ?? null })
        .where('id', '=', remark.remarkId)
        .execute();
    }
    return visibilityEvent('response.redacted', response, input.reason, {
      statement: input.statement !== undefined,
      remarkIds: input.remarks.map((r) => r.remarkId),
    });
  },
});

/**
 * `responses.publish`: the response is shown as it was sent again (a withholding or redaction
 * undone); the redacted texts are cleared so no half of an old redaction lingers.
 */
export const responsesPublish = defineCommand({
  name: 'responses.publish',
  load: loadResponseTarget,
  authorize: (actor, { plan }) => hearingManageRefusal(actor, plan),
  async change(trx, { input, target: { response } }) {
    await trx
      .updateTable('hearing_responses')
      .set({ visibility: 'public', visibility_reason: input.reason, public_statement: null })
      .where('id', '=', response.id)
      .execute();
    await trx
      .updateTable('hearing_remarks')
      .set({ public_text: null, public_proposed_text: null })
      .where('response_id', '=', response.id)
      .execute();
    return visibilityEvent('response.published', response, input.reason);
  },
});
