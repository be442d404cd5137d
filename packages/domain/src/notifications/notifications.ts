import { z } from 'zod';
import { idSchema } from '../ids.js';

/**
 * Why a person is told: they were @-mentioned (in person or through their party), someone
 * answered in a thread they took part in, another party took a stance on or the sekretariat
 * locked or unlocked a section their party owns, or a section started waiting on their party's stance.
 */
export const NOTIFICATION_KINDS = ['mention', 'reply', 'stance', 'locked', 'unlocked', 'waiting'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How many notifications `GET /api/notifications` answers with, newest first. */
export const NOTIFICATION_LIST_LIMIT = 50;

/** `GET /api/notifications`: one's own notifications, newest first. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  planId: string;
  sectionId: string | null;
  sectionTitle: string | null;
  threadId: string | null;
  actorName: string;
  actorPartyName: string;
  /** The stance taken, for `stance`. */
  stance: string | null;
  at: string;
  readAt: string | null;
}

export interface NotificationsView {
  unread: number;
  notifications: NotificationView[];
}

/** `POST /api/notifications/read`: some of one's own notifications by id, or all of them. */
export const markNotificationsReadInput = z.union([
  z
    .object({
      ids: z
        .array(idSchema)
        .min(1)
        .max(NOTIFICATION_LIST_LIMIT * 4),
    })
    .strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;
