import { DomainError, threadStatusRefusal } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import { assertRoomToReopen } from './commentLimits.js';
import { defineCommand } from './pipeline.js';
import { loadThreadTarget } from './threadTarget.js';

/** `threads.resolve`: the matter is settled; the thread stays, marked resolved. */
export const threadsResolve = defineCommand({
  name: 'threads.resolve',
  load: loadThreadTarget,
  authorize: (actor, { thread, plan }) => threadStatusRefusal(actor, threadState(thread), plan, 'resolved'),
  async change(trx, { actor, target: { thread }, at }) {
    await assertStillNot(trx, thread.id, 'resolved');
    await trx
      .updateTable('threads')
      .set({ status: 'resolved', resolved_by: actor.userId, resolved_at: at })
      .where('id', '=', thread.id)
      .execute();
    return {
      result: { ok: true },
      audit: { type: 'thread.resolved', sectionId: thread.section_id, payload: { threadId: thread.id } },
    };
  },
});

/** `threads.reopen`: a resolved thread is open again, within its starter's party's caps. */
export const threadsReopen = defineCommand({
  name: 'threads.reopen',
  load: loadThreadTarget,
  authorize: (actor, { thread, plan }) => threadStatusRefusal(actor, threadState(thread), plan, 'open'),
  async change(trx, { target: { thread, plan } }) {
    await assertStillNot(trx, thread.id, 'open');
    await assertRoomToReopen(trx, plan.id, thread.created_by);
    await trx
      .updateTable('threads')
      .set({ status: 'open', resolved_by: null, resolved_at: null })
      .where('id', '=', thread.id)
      .execute();
    return {
      result: { ok: true },
      audit: { type: 'thread.reopened', sectionId: thread.section_id, payload: { threadId: thread.id } },
    };
  },
});

function threadState(thread: { status: string }): { status: 'open' | 'resolved' } {
  return { status: thread.status === 'resolved' ? 'resolved' : 'open' };
}

/**
 * The thread's status again inside the transaction, which holds the plan row (runCommand): of
 * concurrent resolves (or reopens) authorized on the same state, only the first changes it and
 * is logged; the others are refused as `thread_already`.
 */
async function assertStillNot(trx: Transaction<Database>, threadId: string, to: 'open' | 'resolved'): Promise<void> {
  const now = await trx.selectFrom('threads').select('status').where('id', '=', threadId).executeTakeFirst();
  if (!now) throw new DomainError('not_found');
  if (threadState(now).status === to) throw new DomainError('thread_already');
}
