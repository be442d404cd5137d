import { randomUUID } from 'node:crypto';
import { awaitsParty, canonicalJson, type NotificationKind } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { SessionUser } from '../auth/sessions.js';
import type { AuditEntry } from '../commands/pipeline.js';
import { latestMarkersBySection } from '../storage/repositories/markers.js';
import type { Database } from '../storage/schema.js';

type Trx = Transaction<Database>;

/** What a command did, as its audit entry says, and the section revision its loader read. */
export interface NotificationCause {
  planId: string;
  actor: SessionUser;
  at: string;
  audit: AuditEntry;
  /** The section's content revision as the command found it (stances count only on it). */
  revision?: string;
}

interface Notice {
  userId: string;
  kind: NotificationKind;
  threadId: string | null;
  payload: Record<string, unknown>;
}

/**
 * Writes the notifications a command causes, inside its transaction, so they exist exactly when
 * the change does. Only active people of the plan's parties are told, and never the actor about
 * their own act. Returns who was told, for live delivery once the transaction commits.
 */
export async function recordNotifications(trx: Trx, cause: NotificationCause): Promise<string[]> {
  const notices = await noticesFor(trx, cause);
  const members = new Set(await planMembers(trx, cause.planId));
  // One notice per person and cause: the first reason found (mention before reply) wins.
  const byUser = new Map<string, Notice>();
  for (const notice of notices) {
    if (notice.userId === cause.actor.userId || !members.has(notice.userId)) continue;
    if (!byUser.has(notice.userId)) byUser.set(notice.userId, notice);
  }
  if (byUser.size === 0) return [];
  await trx
    .insertInto('notifications')
    .values(
      [...byUser.values()].map((n) => ({
        id: randomUUID(),
        user_id: n.userId,
        plan_id: cause.planId,
        section_id: cause.audit.sectionId,
        thread_id: n.threadId,
        kind: n.kind,
        actor_user_id: cause.actor.userId,
        actor_party_id: cause.actor.partyId,
        payload: canonicalJson(n.payload),
        created_at: cause.at,
        read_at: null,
      })),
    )
    .execute();
  return [...byUser.keys()];
}

async function noticesFor(trx: Trx, { audit, actor, revision }: NotificationCause): Promise<Notice[]> {
  const { payload, sectionId } = audit;
  switch (audit.type) {
    case 'thread.created':
    case 'thread.replied': {
      const threadId = String(payload.threadId);
      const mentioned = await mentionedUsers(trx, String(payload.commentId));
      const notices: Notice[] = mentioned.map((userId) => ({ userId, kind: 'mention', threadId, payload: {} }));
      if (audit.type === 'thread.replied') {
        for (const userId of await threadParticipants(trx, threadId)) {
          notices.push({ userId, kind: 'reply', threadId, payload: {} });
        }
      }
      return notices;
    }
    case 'section.marked': {
      if (!sectionId) return [];
      const owners = (await ownerParties(trx, sectionId)).filter((p) => p !== actor.partyId);
      return (await usersOfParties(trx, owners)).map((userId) => ({
        userId,
        kind: 'stance' as const,
        threadId: null,
        payload: { stance: payload.stance },
      }));
    }
    case 'section.locked':
    case 'section.unlocked': {
      if (!sectionId) return [];
      const kind = audit.type === 'section.locked' ? ('locked' as const) : ('unlocked' as const);
      const owners = await usersOfParties(trx, await ownerParties(trx, sectionId));
      const notices: Notice[] = owners.map((userId) => ({ userId, kind, threadId: null, payload: {} }));
      if (kind === 'unlocked' && revision !== undefined) {
        // Reopened: the parties whose stance is still missing on this text are waited on again.
        const waiting = await partiesAwaited(trx, sectionId, await requiredParties(trx, sectionId), revision);
        notices.push(...(await waitingNotices(trx, waiting)));
      }
      return notices;
    }
    case 'section.owners_set': {
      if (!sectionId || revision === undefined || !Array.isArray(payload.requiredParties)) return [];
      const before = new Set((payload.previousRequiredParties as string[] | undefined) ?? []);
      const required = (payload.requiredParties as string[]).filter((p) => !before.has(p));
      return waitingNotices(trx, await partiesAwaited(trx, sectionId, required, revision));
    }
    default:
      return [];
  }
}

async function waitingNotices(trx: Trx, parties: string[]): Promise<Notice[]> {
  return (await usersOfParties(trx, parties)).map((userId) => ({
    userId,
    kind: 'waiting' as const,
    threadId: null,
    payload: {},
  }));
}

/** Of the given required parties, those that have no current stance on the section at this revision. */
async function partiesAwaited(trx: Trx, sectionId: string, parties: string[], revision: string): Promise<string[]> {
  if (parties.length === 0) return [];
  const markers = (await latestMarkersBySection(trx, [sectionId])).get(sectionId) ?? [];
  const required = await requiredParties(trx, sectionId);
  return parties.filter((partyId) =>
    awaitsParty(partyId, { locked: false, requiredParties: required, markers, revision }),
  );
}

async function mentionedUsers(trx: Trx, commentId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('comment_mentions')
    .select(['kind', 'target_id'])
    .where('comment_id', '=', commentId)
    .execute();
  const users = rows.filter((r) => r.kind === 'user').map((r) => r.target_id);
  const parties = rows.filter((r) => r.kind === 'party').map((r) => r.target_id);
  return [...users, ...(await usersOfParties(trx, parties))];
}

/** Who started the thread or wrote in it (deleted comments included: they took part). */
async function threadParticipants(trx: Trx, threadId: string): Promise<string[]> {
  const thread = await trx.selectFrom('threads').select('created_by').where('id', '=', threadId).executeTakeFirst();
  const authors = await trx
    .selectFrom('comments')
    .select('author_id')
    .distinct()
    .where('thread_id', '=', threadId)
    .execute();
  return [...(thread ? [thread.created_by] : []), ...authors.map((a) => a.author_id)];
}

async function ownerParties(trx: Trx, sectionId: string): Promise<string[]> {
  const rows = await trx.selectFrom('section_owners').select('party_id').where('section_id', '=', sectionId).execute();
  return rows.map((r) => r.party_id);
}

async function requiredParties(trx: Trx, sectionId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('section_required_parties')
    .select('party_id')
    .where('section_id', '=', sectionId)
    .execute();
  return rows.map((r) => r.party_id);
}

async function usersOfParties(trx: Trx, partyIds: string[]): Promise<string[]> {
  if (partyIds.length === 0) return [];
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('party_id', 'in', partyIds)
    .where('deactivated_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Active people of the plan's active parties: nobody outside the plan is ever told. */
async function planMembers(trx: Trx, planId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .innerJoin('plan_parties', 'plan_parties.party_id', 'users.party_id')
    .innerJoin('parties', 'parties.id', 'users.party_id')
    .select('users.id')
    .where('plan_parties.plan_id', '=', planId)
    .where('users.deactivated_at', 'is', null)
    .where('parties.deactivated_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}
