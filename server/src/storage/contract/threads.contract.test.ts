import { randomUUID } from 'node:crypto';
import { COMMENT_LIMITS, DomainError } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { assertRoomForThread } from '../../commands/commentLimits.js';
import { insertThreads } from '../../testing/insertThreads.js';
import type { Db } from '../database.js';
import { listThreads } from '../repositories/threads.js';
import { lockPlanRow } from '../rowLocks.js';
import { ADAPTERS, gate, seedContractPlan, useContractStore, type ContractPlan } from './contractStore.js';

async function startThread(
  db: Db,
  plan: ContractPlan,
  thread: { id?: string; section: string; party: string; at: string; comments: { body: string; at: string }[] },
): Promise<{ id: string; commentIds: string[] }> {
  const id = thread.id ?? randomUUID();
  const userId = plan.userOf(thread.party);
  await db
    .insertInto('threads')
    .values({
      id,
      plan_id: plan.planId,
      section_id: plan.section(thread.section),
      anchor_start: null,
      anchor_end: null,
      quote: null,
      status: 'open',
      created_by: userId,
      created_at: thread.at,
      resolved_by: null,
      resolved_at: null,
    })
    .execute();
  const commentIds = thread.comments.map(() => randomUUID());
  await db
    .insertInto('comments')
    .values(
      thread.comments.map((comment, n) => ({
        id: commentIds[n] ?? '',
        thread_id: id,
        author_id: userId,
        party_id: plan.party(thread.party),
        body: comment.body,
        created_at: comment.at,
        edited_at: null,
        deleted_at: null,
      })),
    )
    .execute();
  return { id, commentIds };
}

describe.each(ADAPTERS)('comment threads on %s', (adapter) => {
  const store = useContractStore(adapter);

  it('[T5] lists a plan’s threads in creation order with their comments, mentions and deleted comments blanked', async () => {
    const { db } = store();
    const plan = await seedContractPlan(db);
    const elsewhere = await seedContractPlan(db, 'En annen plan');
    const later = await startThread(db, plan, {
      section: 'Mål',
      party: 'Kontrakt HF',
      at: '2026-03-01T10:00:02.000Z',
      comments: [
        { body: 'Svar to', at: '2026-03-01T10:00:04.000Z' },
        { body: 'Start', at: '2026-03-01T10:00:02.000Z' },
      ],
    });
    // Two threads in the same millisecond: ordered by id.
    const tiedB = await startThread(db, plan, {
      id: `bbbbbbbb-${randomUUID().slice(9)}`,
      section: 'Innledning',
      party: 'Kontrakt kommune',
      at: '2026-03-01T10:00:01.000Z',
      comments: [{ body: 'Hei @Kontrakt HF', at: '2026-03-01T10:00:01.000Z' }],
    });
    const tiedA = await startThread(db, plan, {
      id: `aaaaaaaa-${randomUUID().slice(9)}`,
      section: 'Innledning',
      party: 'Kontrakt kommune',
      at: '2026-03-01T10:00:01.000Z',
      comments: [{ body: 'Slettet innspill', at: '2026-03-01T10:00:01.000Z' }],
    });
    await startThread(db, elsewhere, {
      section: 'Innledning',
      party: 'Kontrakt kommune',
      at: '2026-03-01T09:00:00.000Z',
      comments: [{ body: 'Annen plan', at: '2026-03-01T09:00:00.000Z' }],
    });
    await db
      .insertInto('comment_mentions')
      .values({ comment_id: tiedB.commentIds[0] ?? '', kind: 'party', target_id: plan.party('Kontrakt HF') })
      .execute();
    await db
      .updateTable('comments')
      .set({ deleted_at: '2026-03-01T11:00:00.000Z' })
      .where('id', '=', tiedA.commentIds[0] ?? '')
      .execute();

    const threads = await listThreads(db, plan.planId);
    expect(threads.map((t) => t.id)).toEqual([tiedA.id, tiedB.id, later.id]);
    const byId = (id: string) => threads.find((t) => t.id === id);
    expect(byId(later.id)?.comments.map((c) => c.body)).toEqual(['Start', 'Svar to']);
    expect(byId(later.id)).toMatchObject({ sectionId: plan.section('Mål'), status: 'open', anchor: null });
    expect(byId(tiedB.id)?.comments[0]).toMatchObject({
      body: 'Hei @Kontrakt HF',
      authorName: 'Kari Kommune',
      deleted: false,
      mentions: [{ kind: 'party', id: plan.party('Kontrakt HF') }],
    });
    expect(byId(tiedA.id)?.comments[0]).toMatchObject({ body: '', deleted: true, mentions: [] });
    expect(await listThreads(db, 'ingen-plan')).toEqual([]);
  });

  it('[T6][ST3] two transactions checking a cap at once: only one gets the last place', async () => {
    const { db, lockWaited } = store();
    const plan = await seedContractPlan(db);
    const sectionId = plan.section('Innledning');
    const partyId = plan.party('Kontrakt kommune');
    await insertThreads(db, {
      planId: plan.planId,
      sectionId,
      authorId: plan.userOf('Kontrakt kommune'),
      partyId,
      threads: COMMENT_LIMITS.threadsPerSectionPerParty - 1,
    });
    const startOne = (hold?: { checked(): void; until: Promise<void> }) =>
      db.transaction().execute(async (trx) => {
        // As runCommand begins every command's transaction.
        await lockPlanRow(trx, plan.planId);
        await assertRoomForThread(trx, plan.planId, sectionId, partyId);
        await trx
          .insertInto('threads')
          .values({
            id: randomUUID(),
            plan_id: plan.planId,
            section_id: sectionId,
            anchor_start: null,
            anchor_end: null,
            quote: null,
            status: 'open',
            created_by: plan.userOf('Kontrakt kommune'),
            created_at: new Date().toISOString(),
            resolved_by: null,
            resolved_at: null,
          })
          .execute();
        hold?.checked();
        await hold?.until;
      });

    const commitFirst = gate();
    const firstInserted = gate();
    const first = startOne({ checked: firstInserted.open, until: commitFirst.opened });
    await firstInserted.opened;
    const second = startOne().then(
      () => 'admitted',
      (error: unknown) => (error instanceof DomainError ? error.code : error),
    );
    await lockWaited().finally(() => commitFirst.open());
    await first;
    expect(await second).toBe('too_many_section_threads');
    const stored = await db
      .selectFrom('threads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('section_id', '=', sectionId)
      .executeTakeFirstOrThrow();
    expect(stored.n).toBe(COMMENT_LIMITS.threadsPerSectionPerParty);
  });
});
