import { STANCE_LABELS, STANCES } from '@fellesplan/domain';
import type { ExportSection } from './exportDocument.js';

/**
 * A section's consensus state in one line of bokmål: current stances grouped by stance
 * ("Enig: Demo kommune, Demo HF · Enig med forbehold: Fastlegene (forbehold om politisk
 * behandling)"), then stances on earlier text, named as such, then who is still awaited.
 */
export function consensusLine(section: Pick<ExportSection, 'consensus' | 'waitingFor' | 'locked'>): string {
  const labels = STANCE_LABELS.nb;
  const parts: string[] = [];
  if (section.locked) parts.push('Låst');
  for (const stance of STANCES) {
    const current = section.consensus.filter((c) => c.stance === stance && !c.stale);
    if (current.length === 0) continue;
    parts.push(`${labels[stance]}: ${current.map((c) => c.party + (c.note ? ` (${c.note})` : '')).join(', ')}`);
  }
  const stale = section.consensus.filter((c) => c.stale);
  if (stale.length > 0) {
    const names = stale.map((c) => `${c.party} (${labels[c.stance].toLowerCase()})`).join(', ');
    parts.push(`Teksten er endret etter standpunkt fra: ${names}`);
  }
  if (section.waitingFor.length > 0) parts.push(`Venter på: ${section.waitingFor.join(', ')}`);
  return parts.length > 0 ? parts.join(' · ') : 'Ingen standpunkter ennå';
}

/** A date as Norwegians write it in a document: «24. november 2026», in Norwegian time. */
export function norwegianDate(iso: string): string {
  return new Intl.DateTimeFormat('nb-NO', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));
}
