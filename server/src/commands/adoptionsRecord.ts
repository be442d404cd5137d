import { randomUUID } from 'node:crypto';
import { adoptionRecordRefusal, DomainError, mustAdopt, type PartyKind } from '@fellesplan/domain';
import { loadAdoptionTarget, type AdoptionTarget } from './adoptionTarget.js';
import { defineCommand } from './pipeline.js';

/**
 * `adoptions.record {planId, versionId, partyId, body, date, caseNumber?, outcome, note?}`: a
 * party's own decision on a version sent for adoption, recorded by its people or the sekretariat.
 * Recording again for the same party and round corrects the decision; the log keeps both.
 */
export const adoptionsRecord = defineCommand({
  name: 'adoptions.record',
  async load(ctx, actor, input): Promise<AdoptionTarget & { party: { id: string; kind: PartyKind } }> {
    const target = await loadAdoptionTarget(ctx.db, actor, input);
    const party = await ctx.db
      .selectFrom('parties')
      .select(['id', 'kind', 'helsefellesskap_id'])
      .where('id', '=', input.partyId)
      .executeTakeFirst();
    // A party of another helsefellesskap is as unknown as a missing one.
    if (!party || party.helsefellesskap_id !== target.plan.helsefellesskapId) throw new DomainError('not_found');
    return { ...target, party: { id: party.id, kind: party.kind as PartyKind } };
  },
  authorize: (actor, { plan }, input) => adoptionRecordRefusal(actor, plan, input.partyId),
  async change(trx, { actor, input, target, at }) {
    const inPlan = await trx
      .selectFrom('plan_parties')
      .innerJoin('parties', 'parties.id', 'plan_parties.party_id')
      .select('parties.deactivated_at')
      .where('plan_parties.plan_id', '=', target.plan.id)
      .where('plan_parties.party_id', '=', target.party.id)
      .executeTakeFirst();
    if (!inPlan || inPlan.deactivated_at !== null || !mustAdopt(target.party)) {
      throw new DomainError('adoption_not_adopting_party');
    }
    const round = await trx
      .selectFrom('adoption_rounds')
      .select('id')
      .where('plan_id', '=', target.plan.id)
      .where('version_id', '=', target.versionId)
      .executeTakeFirst();
    if (!round) throw new DomainError('adoption_not_sent');
    const decision = {
      body: input.body,
      date: input.date,
      case_number: input.caseNumber?.trim() ? input.caseNumber.trim() : null,
      outcome: input.outcome,
      note: input.note?.trim() ? input.note.trim() : null,
      recorded_by: actor.userId,
      recorded_at: at,
    };
    const previous = await trx
      .selectFrom('adoptions')
      .select(['id', 'body', 'date', 'case_number', 'outcome', 'note'])
      .where('round_id', '=', round.id)
      .where('party_id', '=', target.party.id)
      .executeTakeFirst();
    let id: string;
    if (previous) {
      id = previous.id;
      await trx.updateTable('adoptions').set(decision).where('id', '=', id).execute();
    } else {
      id = randomUUID();
      await trx
        .insertInto('adoptions')
        .values({
          id,
          round_id: round.id,
          plan_id: target.plan.id,
          version_id: target.versionId,
          party_id: target.party.id,
          ...decision,
        })
        .execute();
    }
    return {
      result: { id },
      audit: {
        type: 'adoption.recorded',
        sectionId: null,
        payload: {
          roundId: round.id,
          versionId: target.versionId,
          partyId: target.party.id,
          body: decision.body,
          date: decision.date,
          caseNumber: decision.case_number,
          outcome: decision.outcome,
          note: decision.note,
          correction: previous !== undefined,
          ...(previous
            ? {
                previous: {
                  body: previous.body,
                  date: previous.date,
                  caseNumber: previous.case_number,
                  outcome: previous.outcome,
                  note: previous.note,
                },
              }
            : {}),
        },
      },
    };
  },
});
