import type { SectionStatus } from '../types.js';
import type { Marker } from './stances.js';

export interface ConsensusInput {
  locked: boolean;
  requiredParties: readonly string[];
  /** The latest marker per party (older ones are history and never count). */
  markers: readonly Marker[];
  /** The section body's current content revision. */
  revision: string;
}

/** [C2] A marker set on another revision than the current one is stale and does not count. */
export function isStale(marker: Pick<Marker, 'revision'>, currentRevision: string): boolean {
  return marker.revision !== currentRevision;
}

/** The markers that count: current (not stale) markers of required parties. */
export function currentMarkers(input: Omit<ConsensusInput, 'locked'>): Marker[] {
  const required = new Set(input.requiredParties);
  return input.markers.filter((m) => required.has(m.partyId) && !isStale(m, input.revision));
}

/**
 * [C3] Section status, derived, never stored: locked; else disagreement if any current marker
 * disagrees; else consensus if every required party has a current agree/reservation/abstain
 * and at least one agrees; else in_review if any current marker exists; else draft.
 */
export function deriveSectionStatus(input: ConsensusInput): SectionStatus {
  if (input.locked) return 'locked';
  const current = currentMarkers(input);
  if (current.some((m) => m.stance === 'disagree')) return 'disagreement';
  const byParty = new Map(current.map((m) => [m.partyId, m]));
  const everyoneHasSpoken = input.requiredParties.length > 0 && input.requiredParties.every((p) => byParty.has(p));
  if (everyoneHasSpoken && current.some((m) => m.stance === 'agree')) return 'consensus';
  if (current.length > 0) return 'in_review';
  return 'draft';
}

/** Keeps the latest marker per party, by time; ties keep the later one in the list. */
export function latestMarkers<T extends Pick<Marker, 'partyId' | 'at'>>(markers: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const marker of markers) {
    const seen = latest.get(marker.partyId);
    if (!seen || seen.at <= marker.at) latest.set(marker.partyId, marker);
  }
  return [...latest.values()];
}

/** Does this party still owe a (current) stance on the section? ("Venter på oss") */
export function awaitsParty(partyId: string, input: ConsensusInput): boolean {
  if (input.locked || !input.requiredParties.includes(partyId)) return false;
  return !currentMarkers(input).some((m) => m.partyId === partyId);
}
