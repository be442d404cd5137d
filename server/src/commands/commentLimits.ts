import { COMMENT_LIMITS, DomainError, type ErrorCode } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';

// Checked inside the command's transaction, so concurrent commands cannot both slip under a cap.

type Trx = Transaction<Database>;

function refuseAt(count: number, limit: number, code: ErrorCode): void {
  if (count >= limit) throw new DomainError(code, { limit: limit.toLocaleString('nb-NO') });
}

async function countOpenThreads(trx: Trx, planId: string): Promise<number> {
  const row = await trx
    .selectFrom('threads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function assertRoomForPlanComment(trx: Trx, planId: string): Promise<void> {
  const row = await trx
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('threads.plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  refuseAt(Number(row.n), COMMENT_LIMITS.commentsPerPlan, 'too_many_plan_comments');
}

/** A new thread (with its first comment) fits the plan's and the section's caps, or 409. */
export async function assertRoomForThread(trx: Trx, planId: string, sectionId: string): Promise<void> {
  refuseAt(await countOpenThreads(trx, planId), COMMENT_LIMITS.openThreadsPerPlan, 'too_many_open_threads');
  const inSection = await trx
    .selectFrom('threads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .where('section_id', '=', sectionId)
    .executeTakeFirstOrThrow();
  refuseAt(Number(inSection.n), COMMENT_LIMITS.threadsPerSection, 'too_many_section_threads');
  await assertRoomForPlanComment(trx, planId);
}

/** A reply fits the thread's and the plan's caps, or 409. */
export async function assertRoomForComment(trx: Trx, planId: string, threadId: string): Promise<void> {
  const inThread = await trx
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('thread_id', '=', threadId)
    .executeTakeFirstOrThrow();
  refuseAt(Number(inThread.n), COMMENT_LIMITS.commentsPerThread, 'too_many_thread_comments');
  await assertRoomForPlanComment(trx, planId);
}

/** Reopening a thread counts against the plan's open threads like starting one. */
export async function assertRoomToReopen(trx: Trx, planId: string): Promise<void> {
  refuseAt(await countOpenThreads(trx, planId), COMMENT_LIMITS.openThreadsPerPlan, 'too_many_open_threads');
}
