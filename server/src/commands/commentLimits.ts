import { COMMENT_LIMITS, DomainError, type ErrorCode } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';

// Checked inside the command's transaction, which holds the plan row (runCommand), so concurrent
// commands cannot both count the same room and slip under a cap together (on PostgreSQL as on SQLite).
// Every cap counts one party's threads and comments only ([T6]): one member or party filling
// its room leaves everyone else's untouched.

type Trx = Transaction<Database>;

function refuseAt(count: number, limit: number, code: ErrorCode): void {
  if (count >= limit) throw new DomainError(code, { limit: limit.toLocaleString('nb-NO') });
}

/** Threads of a plan started by members of a party, narrowed further by `where`. */
function partyThreads(trx: Trx, planId: string, partyId: string) {
  return trx
    .selectFrom('threads')
    .innerJoin('users', 'users.id', 'threads.created_by')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('threads.plan_id', '=', planId)
    .where('users.party_id', '=', partyId);
}

async function assertRoomForPartyComment(trx: Trx, planId: string, partyId: string): Promise<void> {
  const row = await trx
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('threads.plan_id', '=', planId)
    .where('comments.party_id', '=', partyId)
    .executeTakeFirstOrThrow();
  refuseAt(Number(row.n), COMMENT_LIMITS.commentsPerPlanPerParty, 'too_many_plan_comments');
}

async function assertRoomForOpenThread(trx: Trx, planId: string, partyId: string): Promise<void> {
  const open = await partyThreads(trx, planId, partyId).where('threads.status', '=', 'open').executeTakeFirstOrThrow();
  refuseAt(Number(open.n), COMMENT_LIMITS.openThreadsPerParty, 'too_many_open_threads');
}

/** A new thread (with its first comment) by a member of `partyId` fits that party's caps, or 409. */
export async function assertRoomForThread(trx: Trx, planId: string, sectionId: string, partyId: string): Promise<void> {
  await assertRoomForOpenThread(trx, planId, partyId);
  const inSection = await partyThreads(trx, planId, partyId)
    .where('threads.section_id', '=', sectionId)
    .executeTakeFirstOrThrow();
  refuseAt(Number(inSection.n), COMMENT_LIMITS.threadsPerSectionPerParty, 'too_many_section_threads');
  await assertRoomForPartyComment(trx, planId, partyId);
}

/** A reply by a member of `partyId` fits that party's caps in the thread and the plan, or 409. */
export async function assertRoomForComment(trx: Trx, planId: string, threadId: string, partyId: string): Promise<void> {
  const inThread = await trx
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('thread_id', '=', threadId)
    .where('party_id', '=', partyId)
    .executeTakeFirstOrThrow();
  refuseAt(Number(inThread.n), COMMENT_LIMITS.commentsPerThreadPerParty, 'too_many_thread_comments');
  await assertRoomForPartyComment(trx, planId, partyId);
}

/** Reopening a thread counts against its starter's party like starting one. */
export async function assertRoomToReopen(trx: Trx, planId: string, threadStarterId: string): Promise<void> {
  const starter = await trx.selectFrom('users').select('party_id').where('id', '=', threadStarterId).executeTakeFirst();
  if (starter) await assertRoomForOpenThread(trx, planId, starter.party_id);
}
