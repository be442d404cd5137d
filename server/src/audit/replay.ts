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
  /**
   * What each comment says now by the log (`null` once deleted). Comments whose text the log
   * does not know (events from before texts were logged) are in `commentsUnknown` instead.
   */
  comments: Map<string, { body: string | null; eventId: number; sectionId: string }>;
  commentsUnknown: Set<string>;
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

export interface CommentRow {
  id: string;
  section_id: string;
  body: string;
  deleted_at: string | null;
}

export interface Mismatch {
  reason: 'marker_mismatch' | 'lock_mismatch' | 'comment_mismatch';
  /** The event whose effect the tables contradict, or null when the tables have what the log never recorded. */
  brokenAt: number | null;
  sectionId: string;
  partyId?: string;
  commentId?: string;
}

const markerKey = (sectionId: string, partyId: string) => `${sectionId}|${partyId}`;

export function replayLog(events: readonly AuditEventRow[]): ReplayedState {
  const state: ReplayedState = {
    markers: new Map(),
    locks: new Map(),
    comments: new Map(),
    commentsUnknown: new Set(),
  };
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
    } else if (COMMENT_EVENTS.has(event.type)) {
      replayComment(state, event.type, JSON.parse(event.payload) as Record<string, unknown>, id, event.section_id);
    }
  }
  return state;
}

const COMMENT_EVENTS = new Set(['thread.created', 'thread.replied', 'comment.edited', 'comment.deleted']);

function replayComment(
  state: ReplayedState,
  type: string,
  payload: Record<string, unknown>,
  eventId: number,
  sectionId: string,
): void {
  const commentId = payload.commentId;
  if (typeof commentId !== 'string') return;
  const body = type === 'comment.deleted' ? null : payload.body;
  if (body !== null && typeof body !== 'string') {
    state.comments.delete(commentId);
    state.commentsUnknown.add(commentId);
    return;
  }
  state.commentsUnknown.delete(commentId);
  state.comments.set(commentId, { body, eventId, sectionId });
}

/**
 * Compares the replayed log with the current tables: the latest marker per party and section
 * (stance, note, revision, who, when), whether each section is locked, and what each comment says. Sections that no longer
 * exist are skipped: their rows are gone, their history stays in the log.
 */
export function compareWithTables(
  replayed: ReplayedState,
  sections: readonly { id: string; locked: number }[],
  markers: readonly MarkerRow[],
  comments: readonly CommentRow[] = [],
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

  for (const row of comments) {
    if (replayed.commentsUnknown.has(row.id)) continue;
    const logged = replayed.comments.get(row.id);
    const deleted = row.deleted_at !== null;
    if (!logged || (logged.body === null) !== deleted || (!deleted && row.body !== logged.body)) {
      const mismatch = { reason: 'comment_mismatch', sectionId: row.section_id, commentId: row.id } as const;
      return { ...mismatch, brokenAt: logged?.eventId ?? null };
    }
  }
  return null;
}
