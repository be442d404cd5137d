import { COMMENT_LIMITS } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, command, insertThreads, useFixture, type FixturePlan } from '../testing/index.js';

const f = useFixture();

/** Fills the database as a flood would have, without sending the flood. */
const flood = (
  plan: FixturePlan,
  title: string,
  threads: number,
  extra: { comments?: number; status?: 'open' | 'resolved' } = {},
) =>
  insertThreads(f.db, {
    planId: plan.id,
    sectionId: plan.section(title).id,
    authorId: f.user('bruker').id,
    partyId: f.party('bruker'),
    threads,
    ...extra,
  });

const create = (plan: FixturePlan, title: string, language?: 'nn', who: 'bruker' | 'kommune' = 'bruker') =>
  api<{ id?: string; error?: { code: string; message: string } }>(f.url, '/api/commands/threads.create', {
    token: f.token(who),
    body: { sectionId: plan.section(title).id, body: 'Ein til.' },
    headers: language ? { 'accept-language': 'nn' } : {},
  });

describe('caps on threads and comments, per party (T6)', () => {
  it('[T6] a party starts at most threadsPerSectionPerParty threads on a section, resolved ones included', async () => {
    const plan = await f.plan();
    const title = 'Nasjonale og lokale føringer';
    await flood(plan, title, COMMENT_LIMITS.threadsPerSectionPerParty - 1, {
      status: 'resolved',
    });
    expect((await create(plan, title)).status).toBe(200);
    const full = await create(plan, title);
    expect(full.status).toBe(409);
    expect(full.body.error).toEqual({
      code: 'too_many_section_threads',
      message: 'Din part har nådd grensen på 500 tråder i denne seksjonen.',
    });
    expect((await create(plan, title, 'nn')).body.error?.message).toBe(
      'Parten din har nådd grensa på 500 trådar i denne seksjonen.',
    );
    expect((await create(plan, 'Kunnskapsgrunnlag og utfordringsbilde')).status).toBe(200);
    expect((await create(plan, title, undefined, 'kommune')).status).toBe(200);
  });

  it('[T6] a party writes at most commentsPerThreadPerParty comments in a thread', async () => {
    const plan = await f.plan();
    const [threadId] = await flood(plan, 'Samarbeidsstruktur og organisering', 1, {
      comments: COMMENT_LIMITS.commentsPerThreadPerParty - 1,
    });
    const reply = (who: 'bruker' | 'helseforetak' = 'bruker') =>
      command(f.url, f.token(who), 'threads.reply', { threadId, body: 'Svar.' });
    expect((await reply()).status).toBe(200);
    const full = await reply();
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('too_many_thread_comments');
    expect(full.body.error?.message).toBe(
      'Din part har nådd grensen på 250 kommentarer i denne tråden. Start en ny tråd.',
    );
    expect((await reply('helseforetak')).status).toBe(200);
  });

  it('[T6] a party holds at most openThreadsPerParty open threads; resolving makes room, reopening counts', async () => {
    const plan = await f.plan();
    const present = Number(
      (
        await f.db
          .selectFrom('threads')
          .innerJoin('users', 'users.id', 'threads.created_by')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('plan_id', '=', plan.id)
          .where('status', '=', 'open')
          .where('users.party_id', '=', f.party('bruker'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const missing = COMMENT_LIMITS.openThreadsPerParty - present;
    await flood(plan, 'Barn og unge', Math.ceil(missing / 2));
    await flood(plan, 'Personer med alvorlige psykiske lidelser og rusproblemer', Math.floor(missing / 2));
    const title = 'Skrøpelige eldre';
    const full = await create(plan, title);
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('too_many_open_threads');
    expect((await create(plan, title, 'nn')).body.error?.message).toBe(
      'Parten din har alt 1\u00a0000 opne trådar i planen. Løys nokre av dei før du startar ein ny.',
    );
    expect((await create(plan, title, undefined, 'kommune')).status).toBe(200);

    const [oneOfThem] = await flood(plan, title, 1, { status: 'resolved' });
    expect((await command(f.url, f.token('kommune'), 'threads.reopen', { threadId: oneOfThem })).body.error?.code).toBe(
      'too_many_open_threads',
    );
    const [someOpen] = (
      await f.db
        .selectFrom('threads')
        .select('id')
        .where('status', '=', 'open')
        .where('created_by', '=', f.user('bruker').id)
        .where('plan_id', '=', plan.id)
        .limit(1)
        .execute()
    ).map((t) => t.id);
    expect((await command(f.url, f.token('kommune'), 'threads.resolve', { threadId: someOpen })).status).toBe(200);
    expect((await create(plan, title)).status).toBe(200);
  });

  it('[T6] a party writes at most commentsPerPlanPerParty comments on a plan', async () => {
    const plan = await f.plan();
    const present = Number(
      (
        await f.db
          .selectFrom('comments')
          .innerJoin('threads', 'threads.id', 'comments.thread_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('threads.plan_id', '=', plan.id)
          .where('comments.party_id', '=', f.party('bruker'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const perThread = COMMENT_LIMITS.commentsPerThreadPerParty;
    const room = COMMENT_LIMITS.commentsPerPlanPerParty - present - 1; // leaves room for one
    await flood(plan, 'Personer med flere kroniske lidelser', Math.floor(room / perThread), {
      comments: perThread,
      status: 'resolved',
    });
    await flood(plan, 'Akuttmedisinsk kjede', 1, { comments: room % perThread, status: 'resolved' });
    const [last] = await flood(plan, 'Digitalisering og velferdsteknologi', 1, { comments: 0 });
    const reply = (who: 'bruker' | 'helseforetak' = 'bruker') =>
      command(f.url, f.token(who), 'threads.reply', { threadId: last, body: 'Siste.' });
    expect((await reply()).status).toBe(200);
    const full = await reply();
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('too_many_plan_comments');
    expect((await reply('helseforetak')).status).toBe(200);
    // The other plan is not affected.
    const other = await command(f.url, f.other.token('kommune'), 'threads.create', {
      sectionId: f.other.section('Innledning').id,
      body: 'Her er det plass.',
    });
    expect(other.status).toBe(200);
  });
});
