import type { Actor, Party, PlanMembership, SectionStatus } from '../types.js';
import { isPlanMember } from './plans.js';

export interface PlanParties extends PlanMembership {
  parties: readonly Pick<Party, 'id' | 'kind'>[];
}

/** A plan as policies see it, from anything that lists its parties (a `PlanView`, a stored plan). */
export function planParties(plan: { id: string; parties: readonly Pick<Party, 'id' | 'kind'>[] }): PlanParties {
  return { id: plan.id, partyIds: plan.parties.map((p) => p.id), parties: plan.parties };
}

export interface SectionGovernance {
  id: string;
  planId: string;
  locked: boolean;
  requiredParties: readonly string[];
  /** [R2] Set when the stored body cannot be read. */
  contentError?: 'unreadable';
  /** [C5] The body holds no text (nothing, or only white space and invisible characters). */
  empty?: boolean;
}

export type MarkRefusal =
  'not_found' | 'not_required_party' | 'section_locked' | 'section_unreadable' | 'section_empty';

/**
 * What shows nothing on the page: white space (`trim` knows these), format characters such as
 * zero-width spaces, joiners and the soft hyphen (\p{Cf}), and the fillers that render blank
 * (Hangul fillers, braille blank, the combining grapheme joiner).
 */
const INVISIBLE = /[\s\p{Cf}\u034f\u115f\u1160\u2800\u3164\uffa0]/gu;

/** [C5] Whether a body's plain text says nothing: a stance on it would be a stance on nothing. */
export function isBlankText(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/**
 * [C1] A user marks on behalf of their own party, which must be required on the section; [L1]
 * not while it is locked; [R2] not on a body nobody can read; [C5] not on an empty body. The
 * refusal is the error code.
 */
export function markRefusal(actor: Actor, section: SectionGovernance, plan: PlanMembership): MarkRefusal | null {
  if (!isPlanMember(actor, plan) || section.planId !== plan.id) return 'not_found';
  if (!section.requiredParties.includes(actor.partyId)) return 'not_required_party';
  if (section.locked) return 'section_locked';
  if (section.contentError) return 'section_unreadable';
  if (section.empty) return 'section_empty';
  return null;
}

/** [L1] Locking and unlocking are the sekretariat's acts. */
export function isSekretariat(actor: Actor, plan: PlanParties): boolean {
  return isPlanMember(actor, plan) && plan.parties.some((p) => p.id === actor.partyId && p.kind === 'sekretariat');
}

export type LockRefusal =
  'not_found' | 'sekretariat_only' | 'section_locked' | 'section_unreadable' | 'not_in_consensus';

/** [L1] The sekretariat locks a section only when every required party agrees to its current text. */
export function lockRefusal(
  actor: Actor,
  section: Pick<SectionGovernance, 'planId' | 'locked' | 'contentError'> & { status: SectionStatus },
  plan: PlanParties,
): LockRefusal | null {
  if (!isPlanMember(actor, plan) || section.planId !== plan.id) return 'not_found';
  if (!isSekretariat(actor, plan)) return 'sekretariat_only';
  if (section.locked) return 'section_locked';
  if (section.contentError) return 'section_unreadable';
  if (section.status !== 'consensus') return 'not_in_consensus';
  return null;
}

export type UnlockRefusal = 'not_found' | 'sekretariat_only' | 'not_locked';

/** [L1] The sekretariat reopens a locked section (with a reason, which the input schema requires). */
export function unlockRefusal(
  actor: Actor,
  section: Pick<SectionGovernance, 'planId' | 'locked'>,
  plan: PlanParties,
): UnlockRefusal | null {
  if (!isPlanMember(actor, plan) || section.planId !== plan.id) return 'not_found';
  if (!isSekretariat(actor, plan)) return 'sekretariat_only';
  if (!section.locked) return 'not_locked';
  return null;
}
