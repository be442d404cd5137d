import type { PlanView, ThreadView } from '@fellesplan/domain';
import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD, createAnchor, linearizeYFragment, readProjection } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  command,
  connectProvider,
  useTestServer,
  waitFor,
  type DemoTokens,
  type TestServer,
} from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

const token = (who: string) => tokens[who] ?? '';
const threads = async (who = 'kommune') =>
  (await api<ThreadView[]>(server.url, `/api/plans/${server.demo.planId}/threads`, { token: token(who) })).body;
const revisionOf = async (index: number) =>
  (await api<PlanView>(server.url, `/api/plans/${server.demo.planId}`, { token: token('kommune') })).body.sections[
    index
  ]?.revision;

/** Anchors a phrase the way the browser does: from the synced document the user reads. */
async function anchorFor(sectionIndex: number, phrase: string, who = 'bruker') {
  const client = connectProvider(
    server.url,
    token(who),
    sectionDocumentName(server.demo.sectionIds[sectionIndex] ?? ''),
  );
  await client.synced();
  const fragment = client.doc.getXmlFragment(CONTENT_FIELD);
  const start = linearizeYFragment(fragment).text.indexOf(phrase);
  const anchor = createAnchor(fragment, start, start + phrase.length);
  return { anchor, client };
}

const SENTENCE = 'Andelen innbyggere over 80 år vil nesten dobles i vårt område fram mot 2040.';

describe('comment threads', () => {
  it('[T1] a bruker comments on a sentence of a kommune-owned section, without changing its revision', async () => {
    const sectionId = server.demo.sectionIds[2] ?? '';
    const before = await revisionOf(2);
    const { anchor, client } = await anchorFor(2, SENTENCE);
    client.destroy();
    const res = await command(server.url, token('bruker'), 'threads.create', {
      sectionId,
      body: 'Hva bygger dette tallet på? @Demo kommune',
      anchor,
      quote: SENTENCE,
    });
    expect(res.status).toBe(200);
    const list = await threads('kommune');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: res.body.id,
      sectionId,
      status: 'open',
      anchor,
      quote: SENTENCE,
      detached: false,
      comments: [
        {
          id: res.body.commentId,
          authorName: 'Per Johansen',
          partyId: server.demo.partyIds.bruker,
          body: 'Hva bygger dette tallet på? @Demo kommune',
          editedAt: null,
          deleted: false,
          mentions: [{ kind: 'party', id: server.demo.partyIds.kommune }],
        },
      ],
    });
    expect(await revisionOf(2)).toBe(before);
  });

  it('replies, resolves and reopens, each in the decision log, and reaches the live projection', async () => {
    const [thread] = await threads();
    if (!thread) throw new Error('no thread');
    const watcher = connectProvider(server.url, token('fastlege'), `plan:${server.demo.planId}`);
    await watcher.synced();
    expect(
      (
        await command(server.url, token('kommune'), 'threads.reply', {
          threadId: thread.id,
          body: 'SSB, framskrivning 2024.\nSe https://www.ssb.no',
        })
      ).status,
    ).toBe(200);
    expect((await command(server.url, token('kommune'), 'threads.resolve', { threadId: thread.id })).status).toBe(200);
    await waitFor(() => {
      const live = readProjection(watcher.doc)?.threads;
      return live?.[0]?.status === 'resolved' && live[0].comments.length === 2;
    });
    expect((await command(server.url, token('kommune'), 'threads.resolve', { threadId: thread.id })).status).toBe(409);
    expect((await command(server.url, token('hf'), 'threads.reopen', { threadId: thread.id })).status).toBe(200);
    const types = (
      await api<{ type: string }[]>(server.url, `/api/plans/${server.demo.planId}/audit`, { token: token('bruker') })
    ).body.map((e) => e.type);
    expect(types).toEqual(['thread.created', 'thread.replied', 'thread.resolved', 'thread.reopened']);
    watcher.destroy();
  });

  it('[T2] only the author edits or deletes a comment', async () => {
    const [thread] = await threads();
    const first = thread?.comments[0];
    if (!first) throw new Error('no comment');
    const edit = await command(server.url, token('kommune'), 'comments.edit', { commentId: first.id, body: 'Kapret' });
    expect(edit.status).toBe(403);
    expect(edit.body.error?.code).toBe('not_author');
    expect((await command(server.url, token('kommune'), 'comments.delete', { commentId: first.id })).status).toBe(403);
    expect(
      (
        await command(server.url, token('bruker'), 'comments.edit', {
          commentId: first.id,
          body: 'Hva bygger tallet på?',
        })
      ).status,
    ).toBe(200);
    const edited = (await threads())[0]?.comments[0];
    expect(edited).toMatchObject({ body: 'Hva bygger tallet på?', mentions: [] });
    expect(edited?.editedAt).not.toBeNull();
    const reply = (await threads())[0]?.comments[1];
    expect((await command(server.url, token('kommune'), 'comments.delete', { commentId: reply?.id })).status).toBe(200);
    expect((await threads())[0]?.comments[1]).toMatchObject({ deleted: true, body: '' });
    expect(
      (await command(server.url, token('kommune'), 'comments.edit', { commentId: reply?.id, body: 'igjen' })).status,
    ).toBe(409);
  });

  it('[T4] stores an XSS payload as inert plain text, byte for byte', async () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script> & "quotes"';
    const res = await command(server.url, token('fastlege'), 'threads.create', {
      sectionId: server.demo.sectionIds[5],
      body: payload,
    });
    expect(res.status).toBe(200);
    const thread = (await threads()).find((t) => t.id === res.body.id);
    expect(thread).toMatchObject({ anchor: null, quote: null, detached: false });
    expect(thread?.comments[0]?.body).toBe(payload);
  });

  it('[T4] refuses empty, oversized and malformed input with 400 and a clear message', async () => {
    const sectionId = server.demo.sectionIds[5];
    const cases: [unknown, string][] = [
      [{ sectionId, body: '   ' }, 'comment_empty'],
      [{ sectionId, body: 'x'.repeat(10_001) }, 'comment_too_long'],
      [{ sectionId }, 'comment_empty'],
      [{ sectionId, body: 'ok', anchor: { start: 'AAAA', end: 'AAAA' }, quote: 'x' }, 'invalid_anchor'],
      [{ sectionId, body: 'ok', anchor: { start: '<script>', end: 'x' }, quote: 'x' }, 'invalid_input'],
      [{ sectionId, body: 'ok', anchor: { start: 'AAAA', end: 'AAAA' } }, 'invalid_input'],
    ];
    for (const [body, code] of cases) {
      const res = await command(server.url, token('hf'), 'threads.create', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error?.code).toBe(code);
    }
    // A well-formed anchor into another section's text does not point into this one.
    const { anchor: elsewhere, client } = await anchorFor(2, SENTENCE);
    client.destroy();
    const wrong = await command(server.url, token('hf'), 'threads.create', {
      sectionId,
      body: 'ok',
      anchor: elsewhere,
      quote: SENTENCE,
    });
    expect(wrong.body.error?.code).toBe('invalid_anchor');
    const tooLong = await command(server.url, token('hf'), 'threads.create', { sectionId, body: 'x'.repeat(10_001) });
    expect(tooLong.body.error?.message).toBe('Kommentaren er for lang (høyst 10 000 tegn).');
    expect(
      (await command(server.url, token('hf'), 'threads.create', { sectionId, body: 'x'.repeat(10_000) })).status,
    ).toBe(200);
  });

  it('[M1] a user of another plan can neither read nor write its threads', async () => {
    const [thread] = await threads();
    expect((await api(server.url, `/api/plans/${server.demo.planId}/threads`, { token: token('annen') })).status).toBe(
      404,
    );
    expect(
      (
        await command(server.url, token('annen'), 'threads.create', {
          sectionId: server.demo.sectionIds[0],
          body: 'Hei',
        })
      ).status,
    ).toBe(404);
    expect(
      (await command(server.url, token('annen'), 'threads.reply', { threadId: thread?.id, body: 'Hei' })).status,
    ).toBe(404);
    expect((await command(server.url, token('annen'), 'threads.resolve', { threadId: thread?.id })).status).toBe(404);
    expect((await api(server.url, `/api/plans/${server.demo.planId}/threads`)).status).toBe(401);
  });

  it('[T1] works on a locked section too', async () => {
    const sectionId = server.demo.sectionIds[0] ?? '';
    const revision = await revisionOf(0);
    for (const who of ['kommune', 'hf', 'fastlege', 'bruker'])
      await command(server.url, token(who), 'sections.mark', { sectionId, stance: 'agree', revision });
    expect((await command(server.url, token('sekretariat'), 'sections.lock', { sectionId })).status).toBe(200);
    expect(
      (await command(server.url, token('bruker'), 'threads.create', { sectionId, body: 'Godt formulert.' })).status,
    ).toBe(200);
    expect(await revisionOf(0)).toBe(revision);
  });

  it('[T3] marks a thread detached when its text is deleted, and keeps it with its quote', async () => {
    const sectionId = server.demo.sectionIds[3] ?? '';
    const phrase = 'Fastleger og brukere er representert på alle nivåer.';
    const { anchor, client } = await anchorFor(3, phrase, 'kommune');
    const res = await command(server.url, token('kommune'), 'threads.create', {
      sectionId,
      body: 'Stemmer dette?',
      anchor,
      quote: phrase,
    });
    expect((await threads()).find((t) => t.id === res.body.id)?.detached).toBe(false);

    const fragment = client.doc.getXmlFragment(CONTENT_FIELD);
    const linear = linearizeYFragment(fragment);
    const at = linear.text.indexOf(phrase);
    const segment = linear.segments.find((s) => at >= s.start && at < s.start + s.length);
    if (!segment) throw new Error('no segment');
    segment.type.delete(at - segment.start, phrase.length);
    await waitFor(async () => (await threads()).find((t) => t.id === res.body.id)?.detached === true);
    const thread = (await threads()).find((t) => t.id === res.body.id);
    expect(thread).toMatchObject({ quote: phrase, status: 'open' });
    client.destroy();
    void Y;
  });
});
