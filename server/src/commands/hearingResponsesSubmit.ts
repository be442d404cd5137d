import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError, type HearingResponseInput } from '@fellesplan/domain';
import { appendAuditEvent } from '../audit/appendEvent.js';
import type { SessionUser } from '../auth/sessions.js';
import { frozenSections } from '../queries/hearingsView.js';
import type { AppContext } from '../routes/context.js';
import { hearingIsOpen } from '../storage/repositories/hearings.js';
import { lockPlanRow } from '../storage/rowLocks.js';
import type { HearingRow } from '../storage/schema.js';

/**
 * Who the decision log names for a response from outside: nobody with an account. The event's
 * payload carries the respondent's name and organisation (never the e-mail address).
 */
export const PUBLIC_ACTOR = { userId: 'public', partyId: 'public' } as const;

export interface SubmittedResponse {
  id: string;
  reference: string;
  /** The secret of the receipt link; only its hash is stored. */
  receiptSecret: string;
}

export function receiptHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * [HR4] Stores one response to a hearing, from anyone with the link or (`member`) from a member
 * on behalf of their party. Not a member command: the pipeline needs an actor, a respondent has
 * none. It keeps the pipeline's order all the same: check, then one transaction behind the plan
 * row that decides once more whether the hearing is open, draws the next reference under the
 * hearing row's lock, and writes the response with its decision-log event.
 */
export async function submitHearingResponse(
  ctx: AppContext,
  hearing: HearingRow,
  input: HearingResponseInput,
  member: SessionUser | null,
): Promise<SubmittedResponse> {
  if (!hearingIsOpen(hearing, ctx.clock())) throw new DomainError('hearing_closed');
  const { sections } = await frozenSections(ctx.db, hearing.version_id);
  const frozen = new Set(sections.map((s) => s.id));
  if (input.remarks.some((r) => !frozen.has(r.sectionId))) throw new DomainError('section_not_in_hearing');
  const receiptSecret = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const reference = await ctx.db.transaction().execute(async (trx) => {
    await lockPlanRow(trx, hearing.plan_id);
    const at = ctx.clock().toISOString();
    const now = await trx
      .selectFrom('hearings')
      .innerJoin('plans', 'plans.id', 'hearings.plan_id')
      .select(['hearings.closed_at', 'hearings.deadline', 'plans.archived_at'])
      .where('hearings.id', '=', hearing.id)
      .executeTakeFirst();
    // Closed or extended since the check: the hearing as committed decides.
    if (!now || now.archived_at !== null || !hearingIsOpen(now, new Date(at))) throw new DomainError('hearing_closed');
    const drawn = await trx
      .updateTable('hearings')
      .set((eb) => ({ next_response_number: eb('next_response_number', '+', 1) }))
      .where('id', '=', hearing.id)
      .returning(['next_response_number', 'number'])
      .executeTakeFirstOrThrow();
    const reference = `H${drawn.number ?? 0}-${String(drawn.next_response_number - 1).padStart(3, '0')}`;
    await trx
      .insertInto('hearing_responses')
      .values({
        id,
        hearing_id: hearing.id,
        reference,
        name: input.respondent.name,
        organisation: input.respondent.organisation || null,
        email: input.respondent.email,
        party_id: member?.partyId ?? null,
        user_id: member?.userId ?? null,
        statement: input.statement || null,
        visibility: 'public',
        visibility_reason: null,
        public_statement: null,
        created_at: at,
        receipt_hash: receiptHash(receiptSecret),
      })
      .execute();
    if (input.remarks.length > 0) {
      await trx
        .insertInto('hearing_remarks')
        .values(
          input.remarks.map((remark, position) => ({
            id: randomUUID(),
            response_id: id,
            hearing_id: hearing.id,
            section_id: remark.sectionId,
            position,
            quote: remark.quote || null,
            text: remark.text,
            proposed_text: remark.proposedText || null,
            public_text: null,
            public_proposed_text: null,
            assessment: null,
            justification: null,
            assessed_by: null,
            assessed_party: null,
            assessed_at: null,
            applied_at: null,
            applied_by: null,
            applied_revision: null,
          })),
        )
        .execute();
    }
    await appendAuditEvent(
      trx,
      {
        planId: hearing.plan_id,
        actor: member ?? PUBLIC_ACTOR,
        at,
        type: 'hearing.response_received',
        sectionId: null,
        payload: {
          hearingId: hearing.id,
          responseId: id,
          reference,
          name: input.respondent.name,
          organisation: input.respondent.organisation || null,
          partyId: member?.partyId ?? null,
          remarks: input.remarks.length,
        },
      },
      ctx.auditSigner,
    );
    return reference;
  });
  return { id, reference, receiptSecret };
}
