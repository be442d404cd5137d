/** The five kinds of party in a helsefellesskap (see BRIEF.md). */
export const PARTY_KINDS = ['kommune', 'helseforetak', 'fastlege', 'bruker', 'sekretariat'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export interface Party {
  id: string;
  name: string;
  kind: PartyKind;
}

/** The person acting, as the server knows them from their session. */
export interface Actor {
  userId: string;
  name: string;
  partyId: string;
}

/** What policies need to know about a plan: who takes part in it. */
export interface PlanMembership {
  id: string;
  partyIds: readonly string[];
  /** An archived plan is read-only for everyone. */
  archived?: boolean;
}

/** What policies need to know about a section. */
export interface SectionAccess {
  id: string;
  planId: string;
  owners: readonly string[];
  locked: boolean;
}

/** Derived section status (DESIGN section 4, rule C3). */
export const SECTION_STATUSES = ['draft', 'in_review', 'disagreement', 'consensus', 'locked'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];
