import {
  NOTIFICATION_KINDS,
  NOTIFICATION_LIST_LIMIT,
  type NotificationKind,
  type NotificationsView,
} from '@fellesplan/domain';
import type { SessionUser } from '../auth/sessions.js';
import type { Db } from '../storage/database.js';

const isKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/**
 * The person's own notifications, newest first, in plans their party still takes part in (one
 * moved out of a plan no longer reads its section titles here), with how many are unread.
 */
export async function loadNotifications(db: Db, actor: SessionUser): Promise<NotificationsView> {
  const own = db
    .selectFrom('notifications')
    .innerJoin('plan_parties', (join) =>
      join.onRef('plan_parties.plan_id', '=', 'notifications.plan_id').on('plan_parties.party_id', '=', actor.partyId),
    )
    .where('notifications.user_id', '=', actor.userId);
  const [rows, unread] = await Promise.all([
    own
      .innerJoin('users', 'users.id', 'notifications.actor_user_id')
      .innerJoin('parties', 'parties.id', 'notifications.actor_party_id')
      .leftJoin('sections', 'sections.id', 'notifications.section_id')
      .select([
        'notifications.id',
        'notifications.kind',
        'notifications.plan_id',
        'notifications.section_id',
        'notifications.thread_id',
        'notifications.payload',
        'notifications.created_at',
        'notifications.read_at',
        'users.name as actor_name',
        'parties.name as actor_party_name',
        'sections.title as section_title',
      ])
      .orderBy('notifications.created_at', 'desc')
      .orderBy('notifications.id')
      .limit(NOTIFICATION_LIST_LIMIT)
      .execute(),
    own
      .where('notifications.read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst(),
  ]);
  return {
    unread: Number(unread?.n ?? 0),
    notifications: rows.flatMap((row) => {
      if (!isKind(row.kind)) return [];
      const payload = JSON.parse(row.payload) as { stance?: unknown };
      return [
        {
          id: row.id,
          kind: row.kind,
          planId: row.plan_id,
          sectionId: row.section_id,
          sectionTitle: row.section_title ?? null,
          threadId: row.thread_id,
          actorName: row.actor_name,
          actorPartyName: row.actor_party_name,
          stance: typeof payload.stance === 'string' ? payload.stance : null,
          at: row.created_at,
          readAt: row.read_at,
        },
      ];
    }),
  };
}

/** Marks the person's own notifications read: the ids given (others' ids are silently no match), or all. */
export async function markNotificationsRead(
  db: Db,
  actor: SessionUser,
  which: { ids: string[] } | { all: true },
  at: string,
): Promise<number> {
  let update = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null);
  if ('ids' in which) update = update.where('id', 'in', which.ids);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
