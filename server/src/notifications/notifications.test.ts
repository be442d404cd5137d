import type { NotificationsView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, command, useFixture, waitFor, type FixturePlan } from '../testing/index.js';

const f = useFixture();

const inbox = async (who: string) => {
  const res = await api<NotificationsView>(f.url, '/api/notifications', { token: f.token(who) });
  expect(res.status).toBe(200);
  return res.body;
};
/** The person's notifications caused in this plan, oldest first. */
const inPlan = async (who: string, plan: FixturePlan) =>
  (await inbox(who)).notifications.filter((n) => n.planId === plan.id).reverse();
const kinds = async (who: string, plan: FixturePlan) => (await inPlan(who, plan)).map((n) => n.kind);

async function createThread(plan: FixturePlan, who: string, title: string, body: string) {
  const res = await command(f.url, f.token(who), 'threads.create', { sectionId: plan.section(title).id, body });
  expect(res.status).toBe(200);
  return String(res.body.id);
}

const KUNNSKAP = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by kommune and helseforetak

describe('notifications', () => {
  it('tells a person @-mentioned by name, and everyone of a party mentioned, never the author', async () => {
    const plan = await f.plan();
    const threadId = await createThread(plan, 'kommune', KUNNSKAP, 'Kan @Ola Hansen og @Brukerrådet se på tallene?');
    const [ola] = await inPlan('helseforetak', plan);
    expect(ola).toMatchObject({
      kind: 'mention',
      threadId,
      sectionId: plan.section(KUNNSKAP).id,
      sectionTitle: KUNNSKAP,
      actorName: 'Kari Nordmann',
      actorPartyName: 'Demo kommune',
      readAt: null,
    });
    expect(await kinds('bruker', plan)).toEqual(['mention']);
    expect(await kinds('kommune', plan)).toEqual([]);
    expect(await kinds('fastlege', plan)).toEqual([]);
  });

  it('tells who started or answered a thread about a reply, but not the one replying', async () => {
    const plan = await f.plan();
    const threadId = await createThread(plan, 'bruker', KUNNSKAP, 'Hva bygger dette på?');
    expect((await command(f.url, f.token('kommune'), 'threads.reply', { threadId, body: 'SSB.' })).status).toBe(200);
    expect(await kinds('bruker', plan)).toEqual(['reply']);
    expect(await kinds('kommune', plan)).toEqual([]);
    expect((await command(f.url, f.token('fastlege'), 'threads.reply', { threadId, body: 'Enig.' })).status).toBe(200);
    expect(await kinds('bruker', plan)).toEqual(['reply', 'reply']);
    expect(await kinds('kommune', plan)).toEqual(['reply']);
    expect(await kinds('fastlege', plan)).toEqual([]);
    // Mentioned and taking part: told once, as mentioned.
    await command(f.url, f.token('fastlege'), 'threads.reply', { threadId, body: '@Per Johansen, holder det?' });
    expect(await kinds('bruker', plan)).toEqual(['reply', 'reply', 'mention']);
  });

  it("tells an owning party's people about another party's stance, lock and unlock, not the actor's own party", async () => {
    const plan = await f.plan();
    const sectionId = plan.section(KUNNSKAP).id;
    const { revision } = await plan.sectionView(KUNNSKAP, 'kommune');
    await command(f.url, f.token('bruker'), 'sections.mark', { sectionId, stance: 'agree', revision });
    expect(await inPlan('kommune', plan)).toMatchObject([
      { kind: 'stance', stance: 'agree', actorName: 'Per Johansen' },
    ]);
    expect(await kinds('helseforetak', plan)).toEqual(['stance']);
    expect(await kinds('bruker', plan)).toEqual([]);
    // The kommune's own stance is news for the helseforetak, not for the kommune.
    await command(f.url, f.token('kommune'), 'sections.mark', { sectionId, stance: 'agree', revision });
    expect(await kinds('kommune', plan)).toEqual(['stance']);
    expect(await kinds('helseforetak', plan)).toEqual(['stance', 'stance']);

    await plan.agreeAll(KUNNSKAP);
    expect((await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId })).status).toBe(200);
    expect((await kinds('kommune', plan)).at(-1)).toBe('locked');
    expect((await kinds('helseforetak', plan)).at(-1)).toBe('locked');
    expect(await kinds('sekretariat', plan)).toEqual([]);
    const unlock = await command(f.url, f.token('sekretariat'), 'sections.unlock', { sectionId, reason: 'Nye tall' });
    expect(unlock.status).toBe(200);
    expect((await kinds('kommune', plan)).at(-1)).toBe('unlocked');
    expect(await kinds('sekretariat', plan)).toEqual([]);
    expect(await kinds('fastlege', plan)).not.toContain('locked');
  });

  it('tells a party when a section starts waiting on its stance', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(KUNNSKAP).id;
    const owners = [f.party('kommune'), f.party('helseforetak')];
    const set = (requiredParties: string[]) =>
      command(f.url, f.token('sekretariat'), 'sections.setOwners', { sectionId, owners, requiredParties });
    expect((await set(owners)).status).toBe(200);
    expect(await kinds('bruker', plan)).toEqual([]);
    expect((await set([...owners, f.party('bruker')])).status).toBe(200);
    expect(await inPlan('bruker', plan)).toMatchObject([
      { kind: 'waiting', sectionId, actorPartyName: 'Sekretariatet' },
    ]);
    // Already required: nothing new waits on the kommune.
    expect(await kinds('kommune', plan)).toEqual([]);
  });

  it('lists and marks only one’s own: another person’s ids are not touched, nor read', async () => {
    const plan = await f.plan();
    await createThread(plan, 'kommune', KUNNSKAP, '@Per Johansen og @Ola Hansen, se her.');
    const [perNote] = await inPlan('bruker', plan);
    const [olaNote] = await inPlan('helseforetak', plan);
    if (!perNote || !olaNote) throw new Error('no notifications');
    // Ola's list never holds Per's notification.
    expect((await inbox('helseforetak')).notifications.map((n) => n.id)).not.toContain(perNote.id);

    const attack = await api<{ read: number }>(f.url, '/api/notifications/read', {
      token: f.token('helseforetak'),
      body: { ids: [perNote.id, olaNote.id] },
    });
    expect(attack.status).toBe(200);
    expect(attack.body.read).toBe(1);
    expect((await inPlan('bruker', plan))[0]?.readAt).toBeNull();
    expect((await inPlan('helseforetak', plan))[0]?.readAt).not.toBeNull();

    const unreadBefore = (await inbox('bruker')).unread;
    expect(unreadBefore).toBeGreaterThan(0);
    await api(f.url, '/api/notifications/read', { token: f.token('kommune'), body: { all: true } });
    expect((await inbox('bruker')).unread).toBe(unreadBefore);
    await api(f.url, '/api/notifications/read', { token: f.token('bruker'), body: { all: true } });
    expect((await inbox('bruker')).unread).toBe(0);
  });

  it('refuses bad input with 400 and a Norwegian message, and strangers with 401', async () => {
    for (const body of [{}, { ids: [] }, { ids: ['../x'] }, { all: false }, { ids: ['a'], all: true }, 'x']) {
      const res = await api<{ error: { code: string; message: string } }>(f.url, '/api/notifications/read', {
        token: f.token('bruker'),
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(/ugyldig|gyldig JSON/i);
    }
    expect((await api(f.url, '/api/notifications')).status).toBe(401);
    expect((await api(f.url, '/api/notifications/read', { body: { all: true } })).status).toBe(401);
    expect((await api(f.url, '/api/notifications/stream')).status).toBe(401);
  });

  it('never tells people outside the plan', async () => {
    const plan = await f.plan();
    const outsider = f.other.people[0];
    if (!outsider) throw new Error('no outsider');
    await createThread(plan, 'kommune', KUNNSKAP, `@${outsider.name} ser du dette?`);
    const res = await api<NotificationsView>(f.url, '/api/notifications', { token: outsider.token });
    expect(res.body.notifications.filter((n) => n.planId === plan.id)).toEqual([]);
  });

  it('streams news to the person live, and ends the stream on logout', async () => {
    const plan = await f.plan();
    const login = await api<{ token: string }>(f.url, '/api/session', {
      body: { email: 'hf@demo.no', password: 'demo' },
    });
    const token = login.body.token;
    const controller = new AbortController();
    const stream = await fetch(`${f.url}/api/notifications/stream`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body?.getReader();
    if (!reader) throw new Error('no body');
    let received = '';
    let ended = false;
    const pump = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
      ended = true;
    })();
    await waitFor(() => received.includes('event: ready'));
    expect(received).not.toContain('event: changed');
    await createThread(plan, 'kommune', KUNNSKAP, '@Ola Hansen, live?');
    await waitFor(() => received.includes('event: changed'));
    // Another person's news is not announced on this stream.
    const before = received;
    await createThread(plan, 'kommune', KUNNSKAP, '@Per Johansen, bare deg.');
    const forPer = await inPlan('bruker', plan);
    expect(forPer.length).toBeGreaterThan(0);
    expect(received).toBe(before);

    await api(f.url, '/api/session', { method: 'DELETE', token });
    await waitFor(() => ended);
    await pump;
    controller.abort();
  });
});
