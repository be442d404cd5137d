import { COMMENT_LIMITS } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, command, insertThreads, useTestServer, type DemoTokens, type TestServer } from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

/** Fills the database as a flood would have, without sending the flood. */
const flood = (
  sectionIndex: number,
  threads: number,
  extra: { comments?: number; status?: 'open' | 'resolved' } = {},
) =>
  insertThreads(server.db, {
    planId: server.demo.planId,
    sectionId: server.demo.sectionIds[sectionIndex] ?? '',
    authorId: server.demo.userIds['bruker@demo.no'] ?? '',
    partyId: server.demo.partyIds.bruker ?? '',
    threads,
    ...extra,
  });

const create = (sectionIndex: number, language?: 'nn', who: 'bruker' | 'kommune' = 'bruker') =>
  api<{ id?: string; error?: { code: string; message: string } }>(server.url, '/api/commands/threads.create', {
    token: tokens[who],
    body: { sectionId: server.demo.sectionIds[sectionIndex], body: 'Ein til.' },
    headers: language ? { 'accept-language': 'nn' } : {},
  });

describe('caps on threads and comments, per party (T6)', () => {
  it('[T6] a party starts at most threadsPerSectionPerParty threads on a section, resolved ones included', async () => {
    await flood(1, COMMENT_LIMITS.threadsPerSectionPerParty - 1, { status: 'resolved' });
    expect((await create(1)).status).toBe(200);
    const full = await create(1);
    expect(full.status).toBe(409);
    expect(full.body.error).toEqual({
      code: 'too_many_section_threads',
      message: 'Din part har nådd grensen på 500 tråder i denne seksjonen.',
    });
    expect((await create(1, 'nn')).body.error?.message).toBe(
      'Parten din har nådd grensa på 500 trådar i denne seksjonen.',
    );
    expect((await create(2)).status).toBe(200);
    expect((await create(1, undefined, 'kommune')).status).toBe(200);
  });

  it('[T6] a party writes at most commentsPerThreadPerParty comments in a thread', async () => {
    const [threadId] = await flood(3, 1, { comments: COMMENT_LIMITS.commentsPerThreadPerParty - 1 });
    const reply = (who: 'bruker' | 'hf' = 'bruker') =>
      command(server.url, tokens[who], 'threads.reply', { threadId, body: 'Svar.' });
    expect((await reply()).status).toBe(200);
    const full = await reply();
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('too_many_thread_comments');
    expect(full.body.error?.message).toBe(
      'Din part har nådd grensen på 250 kommentarer i denne tråden. Start en ny tråd.',
    );
    expect((await reply('hf')).status).toBe(200);
  });

  it('[T6] a party holds at most openThreadsPerParty open threads; resolving makes room, reopening counts', async () => {
    const present = Number(
      (
        await server.db
          .selectFrom('threads')
          .innerJoin('users', 'users.id', 'threads.created_by')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('plan_id', '=', server.demo.planId)
          .where('status', '=', 'open')
          .where('users.party_id', '=', server.demo.partyIds.bruker ?? '')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const missing = COMMENT_LIMITS.openThreadsPerParty - present;
    await flood(4, Math.ceil(missing / 2));
    await flood(5, Math.floor(missing / 2));
    const full = await create(6);
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('too_many_open_threads');
    expect((await create(6, 'nn')).body.error?.message).toBe(
      'Parten din har alt 1\u00a0000 opne trådar i planen. Løys nokre av dei før du startar ein ny.',
    );
    expect((await create(6, undefined, 'kommune')).status).toBe(200);

    const [oneOfThem] = await flood(6, 1, { status: 'resolved' });
    expect(
      (await command(server.url, tokens.kommune, 'threads.reopen', { threadId: oneOfThem })).body.error?.code,
    ).toBe('too_many_open_threads');
    const [someOpen] = (
      await server.db
        .selectFrom('threads')
        .select('id')
        .where('status', '=', 'open')
        .where('created_by', '=', server.demo.userIds['bruker@demo.no'] ?? '')
        .limit(1)
        .execute()
    ).map((t) => t.id);
    expect((await command(server.url, tokens.kommune, 'threads.resolve', { threadId: someOpen })).status).toBe(200);
    expect((await create(6)).status).toBe(200);
  });

  it('[T6] a party writes at most commentsPerPlanPerParty comments on a plan', async () => {
    const present = Number(
      (
        await server.db
          .selectFrom('comments')
          .innerJoin('threads', 'threads.id', 'comments.thread_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('threads.plan_id', '=', server.demo.planId)
          .where('comments.party_id', '=', server.demo.partyIds.bruker ?? '')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const perThread = COMMENT_LIMITS.commentsPerThreadPerParty;
    const room = COMMENT_LIMITS.commentsPerPlanPerParty - present - 1; // leaves room for one
    await flood(7, Math.floor(room / perThread), { comments: perThread, status: 'resolved' });
    await flood(8, 1, { comments: room % perThread, status: 'resolved' });
    const [last] = await flood(9, 1, { comments: 0 });
    const reply = (who: 'bruker' | 'hf' = 'bruker') =>
      command(server.url, tokens[who], 'threads.reply', { threadId: last, body: 'Siste.' });
    expect((await reply()).status).toBe(200);
    const full = await reply();
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('too_many_plan_comments');
    expect((await reply('hf')).status).toBe(200);
    // The other plan is not affected.
    const other = await command(server.url, await server.login('kommune@annet.no'), 'threads.create', {
      sectionId: server.other.sectionIds[0],
      body: 'Her er det plass.',
    });
    expect(other.status).toBe(200);
  });
});
