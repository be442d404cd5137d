import type { Logger } from 'pino';
import type { SessionUser } from '../auth/sessions.js';
import type { SectionContent } from '../content/sectionContent.js';
import type { Db } from '../storage/database.js';
import { lockPlanRow } from '../storage/rowLocks.js';
import { appendAuditEvent } from './appendEvent.js';
import type { AuditHeadSigner } from './headSigner.js';

/** A marker that a text change turned stale, as the `section.text_changed` event records it. */
export interface StaleMarker {
  markerId: string;
  partyId: string;
  stance: string;
  revision: string;
}

/**
 * Writes one `section.text_changed` event when the section's text has moved away from the
 * revision of markers that were current (C2): once per marker turning stale, never per keystroke.
 * Which markers are already recorded is a column of the marker, set under a condition in the
 * same transaction as the event, behind the plan row: two instances, or two edits checked at
 * once, cannot log one transition twice. Returns the markers it logged.
 */
export async function logStaleMarkers(
  deps: { db: Db; content: SectionContent; auditSigner: AuditHeadSigner },
  sectionId: string,
  editor: Pick<SessionUser, 'userId' | 'partyId'>,
): Promise<StaleMarker[]> {
  // Sections nobody has taken a stance on (most, while a text is being written) need neither the
  // section row nor their revision, which costs a read of the whole text.
  const anyMarker = await deps.db
    .selectFrom('markers')
    .select('id')
    .where('section_id', '=', sectionId)
    .limit(1)
    .executeTakeFirst();
  if (!anyMarker) return [];
  const section = await deps.db
    .selectFrom('sections')
    .select(['plan_id', 'locked', 'deleted_at'])
    .where('id', '=', sectionId)
    .executeTakeFirst();
  if (!section || section.deleted_at !== null) return [];
  // When the text was read: a marker logged stale after this was logged by a newer check.
  const readAt = new Date().toISOString();
  const { revision, unreadable } = await deps.content.state(sectionId);
  // Cheap first look, outside any transaction: most edits find nothing new to log or to reopen.
  const first = await latestMarkers(deps.db, sectionId);
  if (unloggedStale(first, revision).length === 0 && currentAgain(first, revision, readAt).length === 0) return [];
  return deps.db.transaction().execute(async (trx) => {
    await lockPlanRow(trx, section.plan_id);
    const markers = await latestMarkers(trx, sectionId);
    // Text that came back to a marker's revision (an undo) makes the marker current again: its
    // next turn to stale is a transition of its own, logged again ([A5] once per transition).
    const reopened = currentAgain(markers, revision, readAt);
    if (reopened.length > 0) {
      await trx.updateTable('markers').set({ stale_logged_at: null }).where('id', 'in', reopened).execute();
    }
    const stale = unloggedStale(markers, revision);
    if (stale.length === 0) return [];
    const at = new Date().toISOString();
    const claimed = await trx
      .updateTable('markers')
      .set({ stale_logged_at: at })
      .where(
        'id',
        'in',
        stale.map((m) => m.markerId),
      )
      .where('stale_logged_at', 'is', null)
      .returning('id')
      .execute();
    const logged = stale.filter((m) => claimed.some((c) => c.id === m.markerId));
    if (logged.length === 0) return [];
    await appendAuditEvent(
      trx,
      {
        planId: section.plan_id,
        actor: editor,
        type: 'section.text_changed',
        sectionId,
        payload: {
          revision,
          ...(unreadable ? { unreadable: true } : {}),
          staleParties: logged.map((m) => m.partyId),
          staleMarkers: logged,
        },
        at,
      },
      deps.auditSigner,
    );
    return logged;
  });
}

type MarkerRow = { id: string; party_id: string; stance: string; revision: string; stale_logged_at: string | null };

/** The latest marker of each party on the section. */
async function latestMarkers(db: Db, sectionId: string): Promise<MarkerRow[]> {
  const rows = await db
    .selectFrom('markers')
    .select(['id', 'party_id', 'stance', 'revision', 'stale_logged_at'])
    .where('section_id', '=', sectionId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
  const latest = new Map<string, MarkerRow>();
  for (const row of rows) latest.set(row.party_id, row);
  return [...latest.values()];
}

/** Of the latest markers, those stale at this revision and not yet recorded so. */
function unloggedStale(markers: MarkerRow[], revision: string): StaleMarker[] {
  return markers
    .filter((m) => m.revision !== revision && m.stale_logged_at === null)
    .map((m) => ({ markerId: m.id, partyId: m.party_id, stance: m.stance, revision: m.revision }));
}

/**
 * Of the latest markers, the ids of those recorded stale whose revision the text is at again.
 * Only those recorded before the text was read: a check of an older text must not reopen what a
 * check of a newer one logged meanwhile.
 */
function currentAgain(markers: MarkerRow[], revision: string, readAt: string): string[] {
  return markers
    .filter((m) => m.revision === revision && m.stale_logged_at !== null && m.stale_logged_at < readAt)
    .map((m) => m.id);
}

/** Logs what `logStaleMarkers` throws instead of letting a hook's rejection end the process. */
export function logStaleMarkersSafely(
  deps: Parameters<typeof logStaleMarkers>[0] & { logger: Logger },
): (sectionId: string, editor: Pick<SessionUser, 'userId' | 'partyId'>) => Promise<void> {
  return async (sectionId, editor) => {
    try {
      await logStaleMarkers(deps, sectionId, editor);
    } catch (error) {
      deps.logger.error({ err: error, sectionId }, 'could not log markers made stale by an edit');
    }
  };
}
