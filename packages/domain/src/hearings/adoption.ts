import { isSekretariat, type PlanParties } from '../policies/consensus.js';
import type { Actor, PartyKind } from '../types.js';
import type { AdoptionOutcome } from './hearings.js';

/** What decides whether a round is adopted: who must adopt, and what each recorded. */
export interface AdoptionTally {
  parties: readonly string[];
  decisions: readonly { partyId: string; outcome: AdoptionOutcome }[];
}

/**
 * The newest adoption round of a plan as the plan list and the plan page show it: «Vedtatt av 18
 * av 20 parter», or «Vedtatt», and whether the text has moved on since the version was sent.
 */
export interface PlanAdoptionStatus {
  roundId: string;
  versionId: string;
  versionName: string;
  /** Parties that recorded `vedtatt` or `vedtatt_med_endringer`. */
  adopted: number;
  /** Parties that must adopt. */
  parties: number;
  status: 'sent' | 'adopted';
  textChanged: boolean;
}

/** The outcomes that count as adopting the plan. */
export function adoptsPlan(outcome: AdoptionOutcome): boolean {
  return outcome === 'vedtatt' || outcome === 'vedtatt_med_endringer';
}

/** The parties that must adopt and have recorded an adopting outcome. */
export function adoptedBy(round: AdoptionTally): string[] {
  const adopting = new Set(round.decisions.filter((d) => adoptsPlan(d.outcome)).map((d) => d.partyId));
  return round.parties.filter((id) => adopting.has(id));
}

/** [AD4] Every party that must adopt has recorded an adopting outcome (and there is at least one). */
export function isAdopted(round: AdoptionTally): boolean {
  return round.parties.length > 0 && adoptedBy(round).length === round.parties.length;
}

/** [AD3] Which parties adopt a plan: every party but the sekretariat, which facilitates and decides nothing. */
export function mustAdopt(party: { kind: PartyKind }): boolean {
  return party.kind !== 'sekretariat';
}

/** [AD1] Only the sekretariat sends a version to the parties for adoption. */
export function adoptionSendRefusal(actor: Actor, plan: PlanParties): 'adoptions_sekretariat_only' | null {
  return isSekretariat(actor, plan) ? null : 'adoptions_sekretariat_only';
}

/** [AD2] A party's decision is recorded by its own people or by the sekretariat. */
export function adoptionRecordRefusal(
  actor: Actor,
  plan: PlanParties,
  partyId: string,
): 'adoptions_own_party_only' | null {
  return actor.partyId === partyId || isSekretariat(actor, plan) ? null : 'adoptions_own_party_only';
}

/** The body that usually decides for a party of this kind: a suggestion the form starts from. */
export const ADOPTION_BODY_SUGGESTION: Record<PartyKind, { nb: string; nn: string }> = {
  kommune: { nb: 'Kommunestyret', nn: 'Kommunestyret' },
  helseforetak: { nb: 'Styret i HF', nn: 'Styret i HF' },
  fastlege: { nb: 'Allmennlegeutvalget', nn: 'Allmennlegeutvalet' },
  bruker: { nb: 'Brukerutvalget', nn: 'Brukarutvalet' },
  sekretariat: { nb: 'Partnerskapsmøtet', nn: 'Partnarskapsmøtet' },
};
