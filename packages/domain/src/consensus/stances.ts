/** [C1] A party's stance on a section. */
export const STANCES = ['agree', 'reservation', 'abstain', 'disagree'] as const;
export type Stance = (typeof STANCES)[number];

/** [C1] A reservation or a disagreement must say why. */
export function stanceRequiresNote(stance: Stance): boolean {
  return stance === 'reservation' || stance === 'disagree';
}

export interface Marker {
  partyId: string;
  stance: Stance;
  note: string | null;
  /** The content revision the party took its stance on. */
  revision: string;
  at: string;
}
