import type { AuditEventRow } from '../storage/schema.js';

/** A consensus marker as the decision log tells it. */
interface LoggedMarker {
  eventId: number;
  userId: string;
  stance: unknown;
  note: unknown;
  revision: unknown;
  at: string;
  /** Only in events written since the marker id was logged; older events match on content. */
  markerId?: unknown;
}

/** The governance state the decision log describes, rebuilt by replaying it in order. */
export interface ReplayedState {
  /** Latest marker per `sectionId|partyId`. */
  markers: Map<string, LoggedMarker>;
  /** Lock state per section that has ever been locked, with the event that set it. */
  locks: Map<string, { locked: boolean; eventId: number }>;
}

export interface MarkerRow {
  id: string;
  section_id: string;
  party_id: string;
  user_id: string;
  stance: string;
  note: string | null;
  revision: string;
  created_at: string;
}

export interface Mismatch {
  reason: 'marker_mismatch' | 'lock_mismatch';
  /** The event whose effect the tables contradict, or null when the tables have what the log never recorded. */
  brokenAt: number | null;
  sectionId: string;
  partyId?: string;
}

const markerKey = (sectionId: string, partyId: string) => `${sectionId}|${partyId}`;

export function replayLog(events: readonly AuditEventRow[]): ReplayedState {
  const state: ReplayedState = { markers: new Map(), locks: new Map() };
  for (const event of events) {
    if (!event.section_id) continue;
    const id = Number(event.id);
    if (event.type === 'section.marked') {
      const payload = JSON.parse(event.payload) as Record<string, unknown>;
      state.markers.set(markerKey(event.section_id, event.actor_party_id), {
        eventId: id,
        userId: event.actor_user_id,
        stance: payload.stance,
        note: payload.note ?? null,
        revision: payload.revision,
        at: event.at,
        markerId: payload.markerId,
      });
    } else if (event.type === 'section.locked' || event.type === 'section.unlocked') {
      state.locks.set(event.section_id, { locked: event.type === 'section.locked', eventId: id });
    }
  }
  return state;
}

/**
 * Compares the replayed log with the current tables: the latest marker per party and section
 * (stance, note, revision, who, when) and whether each section is locked. Sections that no longer
 * exist are skipped: their rows are gone, their history stays in the log.
 */
export function compareWithTables(
  replayed: ReplayedState,
  sections: readonly { id: string; locked: number }[],
  markers: readonly MarkerRow[],
): Mismatch | null {
  for (const section of sections) {
    const logged = replayed.locks.get(section.id);
    if ((section.locked === 1) !== (logged?.locked ?? false)) {
      return { reason: 'lock_mismatch', brokenAt: logged?.eventId ?? null, sectionId: section.id };
    }
  }

  const existing = new Set(sections.map((s) => s.id));
  // The latest rows per party and section; equal timestamps are all candidates for "latest".
  const latest = new Map<string, MarkerRow[]>();
  for (const row of markers) {
    const key = markerKey(row.section_id, row.party_id);
    const current = latest.get(key);
    if (!current || row.created_at > (current[0]?.created_at ?? '')) latest.set(key, [row]);
    else if (row.created_at === current[0]?.created_at) current.push(row);
  }
  for (const [key, rows] of latest) {
    const [sectionId = '', partyId = ''] = key.split('|');
    const logged = replayed.markers.get(key);
    const matches = (row: MarkerRow) =>
      logged !== undefined &&
      row.stance === logged.stance &&
      row.note === logged.note &&
      row.revision === logged.revision &&
      row.user_id === logged.userId &&
      row.created_at === logged.at &&
      (logged.markerId === undefined || row.id === logged.markerId);
    if (!rows.some(matches)) {
      return { reason: 'marker_mismatch', brokenAt: logged?.eventId ?? null, sectionId, partyId };
    }
  }
  for (const [key, logged] of replayed.markers) {
    const [sectionId = '', partyId = ''] = key.split('|');
    if (existing.has(sectionId) && !latest.has(key)) {
      return { reason: 'marker_mismatch', brokenAt: logged.eventId, sectionId, partyId };
    }
  }
  return null;
}
