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
    authorId: server.demo.userIds['fastlege@demo.no'] ?? '',
    partyId: server.demo.partyIds.fastlege ?? '',
    threads,
    ...extra,
  });

const create = (sectionIndex: number, language?: 'nn') =>
  api<{ id?: string; error?: { code: string; message: string } }>(server.url, '/api/commands/threads.create', {
    token: tokens.bruker,
    body: { sectionId: server.demo.sectionIds[sectionIndex], body: 'Ein til.' },
    headers: language ? { 'accept-language': 'nn' } : {},
  });

describe('caps on threads and comments (T6)', () => {
  it('[T6] a section takes at most threadsPerSection threads, resolved ones included', async () => {
    await flood(1, COMMENT_LIMITS.threadsPerSection - 1, { status: 'resolved' });
    expect((await create(1)).status).toBe(200);
    const full = await create(1);
    expect(full.status).toBe(409);
    expect(full.body.error).toEqual({
      code: 'too_many_section_threads',
      message: 'Seksjonen har nådd grensen på 1\u00a0000 tråder.',
    });
    expect((await create(1, 'nn')).body.error?.message).toBe('Seksjonen har nådd grensa på 1\u00a0000 trådar.');
    expect((await create(2)).status).toBe(200);
  });

  it('[T6] a thread takes at most commentsPerThread comments', async () => {
    const [threadId] = await flood(3, 1, { comments: COMMENT_LIMITS.commentsPerThread - 1 });
    const reply = () => command(server.url, tokens.hf, 'threads.reply', { threadId, body: 'Svar.' });
    expect((await reply()).status).toBe(200);
    const full = await reply();
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('too_many_thread_comments');
    expect(full.body.error?.message).toBe('Tråden har nådd grensen på 500 kommentarer. Start en ny tråd.');
  });

  it('[T6] a plan takes at most openThreadsPerPlan open threads; resolving makes room, reopening counts', async () => {
    const present = Number(
      (
        await server.db
          .selectFrom('threads')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('plan_id', '=', server.demo.planId)
          .where('status', '=', 'open')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const missing = COMMENT_LIMITS.openThreadsPerPlan - present;
    await flood(4, Math.ceil(missing / 2));
    await flood(5, Math.floor(missing / 2));
    const full = await create(6);
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('too_many_open_threads');
    expect((await create(6, 'nn')).body.error?.message).toBe(
      'Planen har alt 2\u00a0000 opne trådar. Løys nokre av dei før du startar ein ny.',
    );

    const [oneOfThem] = await flood(6, 1, { status: 'resolved' });
    expect(
      (await command(server.url, tokens.kommune, 'threads.reopen', { threadId: oneOfThem })).body.error?.code,
    ).toBe('too_many_open_threads');
    const [someOpen] = (
      await server.db.selectFrom('threads').select('id').where('status', '=', 'open').limit(1).execute()
    ).map((t) => t.id);
    expect((await command(server.url, tokens.kommune, 'threads.resolve', { threadId: someOpen })).status).toBe(200);
    expect((await create(6)).status).toBe(200);
  });

  it('[T6] a plan takes at most commentsPerPlan comments', async () => {
    const present = Number(
      (
        await server.db
          .selectFrom('comments')
          .innerJoin('threads', 'threads.id', 'comments.thread_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('threads.plan_id', '=', server.demo.planId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const perThread = COMMENT_LIMITS.commentsPerThread;
    const room = COMMENT_LIMITS.commentsPerPlan - present - 1; // leaves room for one
    await flood(7, Math.floor(room / perThread), { comments: perThread, status: 'resolved' });
    await flood(8, 1, { comments: room % perThread, status: 'resolved' });
    const [last] = await flood(9, 1, { comments: 0 });
    const reply = () => command(server.url, tokens.hf, 'threads.reply', { threadId: last, body: 'Siste.' });
    expect((await reply()).status).toBe(200);
    const full = await reply();
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('too_many_plan_comments');
    // The other plan is not affected.
    const other = await command(server.url, await server.login('kommune@annet.no'), 'threads.create', {
      sectionId: server.other.sectionIds[0],
      body: 'Her er det plass.',
    });
    expect(other.status).toBe(200);
  });
});
