import type { ThreadView } from '@fellesplan/domain';
import { CONTENT_FIELD, createAnchor, linearizeYFragment, readProjection } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, command, connectProvider, useFixture, waitFor, type FixturePlan } from '../testing/index.js';

const f = useFixture();

const threads = async (plan: FixturePlan, who = 'kommune') =>
  (await api<ThreadView[]>(f.url, `/api/plans/${plan.id}/threads`, { token: f.token(who) })).body;
const revisionOf = async (plan: FixturePlan, title: string) => (await plan.sectionView(title, 'kommune')).revision;

/** Anchors a phrase the way the browser does: from the synced document the user reads. */
async function anchorFor(plan: FixturePlan, title: string, phrase: string, who = 'bruker') {
  const client = connectProvider(f.url, f.token(who), plan.section(title).documentName);
  await client.synced();
  const fragment = client.doc.getXmlFragment(CONTENT_FIELD);
  const start = linearizeYFragment(fragment).text.indexOf(phrase);
  const anchor = createAnchor(fragment, start, start + phrase.length);
  return { anchor, client };
}

/** A plan of the test's own with one thread the bruker started, and the kommune's reply when asked. */
async function planWithThread({ reply = false } = {}) {
  const plan = await f.plan();
  const sectionId = plan.section('Kunnskapsgrunnlag og utfordringsbilde').id;
  const created = await command(f.url, f.token('bruker'), 'threads.create', {
    sectionId,
    body: 'Hva bygger dette på?',
  });
  if (created.status !== 200) throw new Error(`threads.create answered ${created.status}`);
  if (reply) await command(f.url, f.token('kommune'), 'threads.reply', { threadId: created.body.id, body: 'SSB.' });
  return plan;
}

const SENTENCE = 'Andelen innbyggere over 80 år vil nesten dobles i vårt område fram mot 2040.';

describe('comment threads', () => {
  it('[T1] a bruker comments on a sentence of a kommune-owned section, without changing its revision', async () => {
    const plan = await f.plan();
    const title = 'Kunnskapsgrunnlag og utfordringsbilde';
    const sectionId = plan.section(title).id;
    const before = await revisionOf(plan, title);
    const { anchor, client } = await anchorFor(plan, title, SENTENCE);
    client.destroy();
    const res = await command(f.url, f.token('bruker'), 'threads.create', {
      sectionId,
      body: 'Hva bygger dette tallet på? @Demo kommune',
      anchor,
      quote: SENTENCE,
    });
    expect(res.status).toBe(200);
    const list = await threads(plan, 'kommune');
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
          partyId: f.party('bruker'),
          body: 'Hva bygger dette tallet på? @Demo kommune',
          editedAt: null,
          deleted: false,
          mentions: [{ kind: 'party', id: f.party('kommune') }],
        },
      ],
    });
    expect(await revisionOf(plan, title)).toBe(before);
  });

  it('replies, resolves and reopens, each in the decision log, and reaches the live projection', async () => {
    const plan = await planWithThread();
    const [thread] = await threads(plan);
    if (!thread) throw new Error('no thread');
    const watcher = connectProvider(f.url, f.token('fastlege'), plan.documentName);
    await watcher.synced();
    expect(
      (
        await command(f.url, f.token('kommune'), 'threads.reply', {
          threadId: thread.id,
          body: 'SSB, framskrivning 2024.\nSe https://www.ssb.no',
        })
      ).status,
    ).toBe(200);
    expect((await command(f.url, f.token('kommune'), 'threads.resolve', { threadId: thread.id })).status).toBe(200);
    await waitFor(() => {
      const live = readProjection(watcher.doc)?.threads;
      return live?.[0]?.status === 'resolved' && live[0].comments.length === 2;
    });
    expect((await command(f.url, f.token('kommune'), 'threads.resolve', { threadId: thread.id })).status).toBe(409);
    expect((await command(f.url, f.token('helseforetak'), 'threads.reopen', { threadId: thread.id })).status).toBe(200);
    const types = (
      await api<{ type: string }[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('bruker') })
    ).body.map((e) => e.type);
    expect(types).toEqual(['thread.created', 'thread.replied', 'thread.resolved', 'thread.reopened']);
    watcher.destroy();
  });

  it('[T2] only the author edits or deletes a comment', async () => {
    const plan = await planWithThread({ reply: true });
    const [thread] = await threads(plan);
    const first = thread?.comments[0];
    if (!first) throw new Error('no comment');
    const edit = await command(f.url, f.token('kommune'), 'comments.edit', { commentId: first.id, body: 'Kapret' });
    expect(edit.status).toBe(403);
    expect(edit.body.error?.code).toBe('not_author');
    expect((await command(f.url, f.token('kommune'), 'comments.delete', { commentId: first.id })).status).toBe(403);
    expect(
      (
        await command(f.url, f.token('bruker'), 'comments.edit', {
          commentId: first.id,
          body: 'Hva bygger tallet på?',
        })
      ).status,
    ).toBe(200);
    const edited = (await threads(plan))[0]?.comments[0];
    expect(edited).toMatchObject({ body: 'Hva bygger tallet på?', mentions: [] });
    expect(edited?.editedAt).not.toBeNull();
    const reply = (await threads(plan))[0]?.comments[1];
    expect((await command(f.url, f.token('kommune'), 'comments.delete', { commentId: reply?.id })).status).toBe(200);
    expect((await threads(plan))[0]?.comments[1]).toMatchObject({ deleted: true, body: '' });
    expect(
      (await command(f.url, f.token('kommune'), 'comments.edit', { commentId: reply?.id, body: 'igjen' })).status,
    ).toBe(409);
  });

  it('[T4] stores an XSS payload as inert plain text, byte for byte', async () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script> & "quotes"';
    const plan = await f.plan();
    const res = await command(f.url, f.token('fastlege'), 'threads.create', {
      sectionId: plan.section('Personer med alvorlige psykiske lidelser og rusproblemer').id,
      body: payload,
    });
    expect(res.status).toBe(200);
    const thread = (await threads(plan)).find((t) => t.id === res.body.id);
    expect(thread).toMatchObject({ anchor: null, quote: null, detached: false });
    expect(thread?.comments[0]?.body).toBe(payload);
  });

  it('[T4] refuses empty, oversized and malformed input with 400 and a clear message', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Personer med alvorlige psykiske lidelser og rusproblemer').id;
    const cases: [unknown, string][] = [
      [{ sectionId, body: '   ' }, 'comment_empty'],
      [{ sectionId, body: 'x'.repeat(10_001) }, 'comment_too_long'],
      [{ sectionId }, 'comment_empty'],
      [{ sectionId, body: 'ok', anchor: { start: 'AAAA', end: 'AAAA' }, quote: 'x' }, 'invalid_anchor'],
      [{ sectionId, body: 'ok', anchor: { start: '<script>', end: 'x' }, quote: 'x' }, 'invalid_input'],
      [{ sectionId, body: 'ok', anchor: { start: 'AAAA', end: 'AAAA' } }, 'invalid_input'],
    ];
    for (const [body, code] of cases) {
      const res = await command(f.url, f.token('helseforetak'), 'threads.create', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error?.code).toBe(code);
    }
    // A well-formed anchor into another section's text does not point into this one.
    const { anchor: elsewhere, client } = await anchorFor(plan, 'Kunnskapsgrunnlag og utfordringsbilde', SENTENCE);
    client.destroy();
    const wrong = await command(f.url, f.token('helseforetak'), 'threads.create', {
      sectionId,
      body: 'ok',
      anchor: elsewhere,
      quote: SENTENCE,
    });
    expect(wrong.body.error?.code).toBe('invalid_anchor');
    const tooLong = await command(f.url, f.token('helseforetak'), 'threads.create', {
      sectionId,
      body: 'x'.repeat(10_001),
    });
    expect(tooLong.body.error?.message).toBe('Kommentaren er for lang (høyst 10 000 tegn).');
    expect(
      (await command(f.url, f.token('helseforetak'), 'threads.create', { sectionId, body: 'x'.repeat(10_000) })).status,
    ).toBe(200);
  });

  it('[M1] a user of another plan can neither read nor write its threads', async () => {
    const plan = await planWithThread();
    const [thread] = await threads(plan);
    const annen = f.other.token('kommune');
    expect((await api(f.url, `/api/plans/${plan.id}/threads`, { token: annen })).status).toBe(404);
    expect(
      (
        await command(f.url, annen, 'threads.create', {
          sectionId: plan.section('Innledning og mandat').id,
          body: 'Hei',
        })
      ).status,
    ).toBe(404);
    expect((await command(f.url, annen, 'threads.reply', { threadId: thread?.id, body: 'Hei' })).status).toBe(404);
    expect((await command(f.url, annen, 'threads.resolve', { threadId: thread?.id })).status).toBe(404);
    expect((await api(f.url, `/api/plans/${plan.id}/threads`)).status).toBe(401);
  });

  it('[T1] works on a locked section too', async () => {
    const plan = await f.plan();
    const title = 'Innledning og mandat';
    const sectionId = plan.section(title).id;
    const { revision } = await plan.agreeAll(title);
    expect((await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId })).status).toBe(200);
    expect(
      (await command(f.url, f.token('bruker'), 'threads.create', { sectionId, body: 'Godt formulert.' })).status,
    ).toBe(200);
    expect(await revisionOf(plan, title)).toBe(revision);
  });

  it('[T3] marks a thread detached when its text is deleted, and keeps it with its quote', async () => {
    const plan = await f.plan();
    const title = 'Samarbeidsstruktur og organisering';
    const sectionId = plan.section(title).id;
    const phrase = 'Fastleger og brukere er representert på alle nivåer.';
    const { anchor, client } = await anchorFor(plan, title, phrase, 'kommune');
    const res = await command(f.url, f.token('kommune'), 'threads.create', {
      sectionId,
      body: 'Stemmer dette?',
      anchor,
      quote: phrase,
    });
    expect((await threads(plan)).find((t) => t.id === res.body.id)?.detached).toBe(false);

    const fragment = client.doc.getXmlFragment(CONTENT_FIELD);
    const linear = linearizeYFragment(fragment);
    const at = linear.text.indexOf(phrase);
    const segment = linear.segments.find((s) => at >= s.start && at < s.start + s.length);
    if (!segment) throw new Error('no segment');
    segment.type.delete(at - segment.start, phrase.length);
    await waitFor(async () => (await threads(plan)).find((t) => t.id === res.body.id)?.detached === true);
    const thread = (await threads(plan)).find((t) => t.id === res.body.id);
    expect(thread).toMatchObject({ quote: phrase, status: 'open' });
    client.destroy();
    void Y;
  });
});
