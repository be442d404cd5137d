import {
  planDocumentName,
  sectionDocumentName,
  type PlanProjection,
  type PlanView,
  type SectionView,
  type SessionView,
} from '@fellesplan/domain';
import { readProjection } from '@fellesplan/editor';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  command,
  connectYWebsocket,
  connectProvider,
  demoLogin,
  Prng,
  rawCollabClient,
  spawnCluster,
  TEST_REDIS_URL,
  waitFor,
  type TestCluster,
  type TestProvider,
} from '../testing/index.js';

// Adversary round 9 (issue 14): two real server processes on one PostgreSQL and the machine's
// Redis (channels under this cluster's own prefix), attacked from raw clients.
const clustered = Boolean(process.env.DATABASE_URL);
const SEED = Number(process.env.ATTACK9_SEED ?? 914_2026);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!clustered)('adversary 9: raw clients against two instances behind Redis', () => {
  let cluster: TestCluster;
  let a: string;
  let b: string;
  let redis: Redis;
  const people = new Map<string, SessionView>();
  let plan: PlanView;
  const open: Array<{ destroy(): void }> = [];
  const token = (email: string) => people.get(email)?.token ?? '';
  const used = new Set<string>();
  const nextSection = ({ owned = true, text = false } = {}): SectionView => {
    const kommune = people.get('kommune@demo.no')?.user.partyId ?? '';
    const isOwned = (s: SectionView) => s.owners.includes(kommune);
    // Whatever order the tests run in, each takes the section it needs that the others need least
    // (a section kommune owns, or one with text: a stance needs text).
    const spare = (s: SectionView) => (!owned && isOwned(s) ? 1 : 0) + (!text && !s.empty ? 1 : 0);
    const section = plan.sections
      .filter((s) => !used.has(s.id) && (!owned || isOwned(s)) && (!text || !s.empty))
      .sort((x, y) => spare(x) - spare(y))[0];
    if (!section) throw new Error('the demo plan has too few sections for these tests');
    used.add(section.id);
    return section;
  };
  const connect = (url: string, email: string, documentName: string): TestProvider => {
    const client = connectProvider(url, token(email), documentName);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    cluster = await spawnCluster(2);
    [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
    for (const email of [
      'kommune@demo.no',
      'hf@demo.no',
      'fastlege@demo.no',
      'bruker@demo.no',
      'sekretariat@demo.no',
    ]) {
      people.set(email, await demoLogin(a, email));
    }
    const plans = await api<{ id: string }[]>(a, '/api/plans', { token: token('sekretariat@demo.no') });
    plan = (await api<PlanView>(a, `/api/plans/${plans.body[0]?.id}`, { token: token('sekretariat@demo.no') })).body;
    redis = new Redis(TEST_REDIS_URL);
  });

  afterAll(async () => {
    for (const client of open) client.destroy();
    redis?.disconnect();
    await cluster?.close();
  });

  it('[PR1] a person on B cannot take over the presence of a person connected to A', async () => {
    const section = nextSection({ owned: false });
    const name = sectionDocumentName(section.id);
    const victim = connect(a, 'kommune@demo.no', name);
    const observer = connect(a, 'sekretariat@demo.no', name);
    await Promise.all([victim.synced(), observer.synced()]);
    const victimId = victim.doc.clientID;
    victim.provider.setAwarenessField('cursor', { anchor: 1, head: 1 });
    const seen = () =>
      observer.provider.awareness?.getStates().get(victimId) as
        { user?: { name?: string }; cursor?: unknown; probe?: number } | undefined;
    await waitFor(() => seen()?.user?.name);
    const victimUser = seen()?.user;

    // hf, on the other instance, announces the victim's awareness client id with a high clock.
    const attacker = await rawCollabClient(b, name, token('hf@demo.no'));
    open.push({ destroy: () => attacker.close() });
    await waitFor(() => attacker.received.length > 0);
    await sleep(200);
    attacker.announce(victimId, 1_000_000, { cursor: { anchor: 999, head: 999 } });
    await sleep(1500);
    // The observer on A still sees the victim as themselves...
    expect(seen()?.user).toEqual(victimUser);
    // ...and still receives the victim's own presence changes.
    victim.provider.setAwarenessField('probe', 7);
    await waitFor(() => seen()?.probe === 7, { timeout: 3000 });
  });

  it('an instance whose freeze-asker died (freeze sent, never thawed) gives its writers write access back promptly', async () => {
    const section = nextSection();
    const writer = connect(b, 'kommune@demo.no', sectionDocumentName(section.id));
    await writer.synced();
    expect(await writer.ready).toBe('read-write');
    let readOnly = false;
    writer.provider.on('stateless', ({ payload }: { payload: string }) => {
      const message = JSON.parse(payload) as { readOnly?: boolean };
      if (typeof message.readOnly === 'boolean') readOnly = message.readOnly;
    });
    // What instance A puts on the bus when a lock command begins, right before A is killed -9:
    // its freeze, and never its thaw. The asker's reply channel has no subscriber: it is gone.
    const reached = await redis.publish(
      `${cluster.prefix}:bus`,
      JSON.stringify({
        from: 'i-killed-instance',
        message: { type: 'freeze', sectionId: section.id, requestId: 'request-of-a-dead-instance' },
      }),
    );
    expect(reached).toBe(2);
    await waitFor(() => readOnly);
    // A writer must not be stuck read-only for the length of a lease that outlives any command by far.
    await waitFor(() => !readOnly, { timeout: 10_000 });
    appendParagraph(writer.doc, 'Skrevet etter at instansen som frøs seksjonen døde.');
    await waitFor(() => !writer.provider.hasUnsyncedChanges, { timeout: 5000 });
  }, 40_000);

  it(`documents loaded and unloaded again and again on both instances leave no Redis subscription behind (seed ${SEED})`, async () => {
    const random = new Prng(SEED);
    const sections = [nextSection({ owned: false }), nextSection({ owned: false })];
    // Only these sections' channels: the other tests' clients stay connected until the end.
    const mine = new Set(sections.map((s) => `${cluster.prefix}:doc:${sectionDocumentName(s.id)}`));
    const docChannels = async () =>
      ((await redis.pubsub('CHANNELS', `${cluster.prefix}:doc:*`)) as string[]).filter((c) => mine.has(c));
    for (let round = 0; round < 20; round++) {
      const clients = Array.from({ length: random.int(1, 4) }, () =>
        connectProvider(random.pick([a, b]), token('kommune@demo.no'), sectionDocumentName(random.pick(sections).id)),
      );
      // Some leave before their document has loaded, some after it has synced.
      await Promise.all(
        clients.map(async (client) => {
          // (A socket still opening cannot be closed by the provider without throwing.)
          if (random.chance(0.5)) await client.ready.then(() => sleep(random.int(0, 30))).catch(() => undefined);
          else await client.synced(10_000).catch(() => undefined);
          client.destroy();
        }),
      );
      if (random.chance(0.3)) await sleep(random.int(0, 1500));
    }
    // Once nobody is connected every section unloads on both instances, and with it its channel.
    await waitFor(async () => (await docChannels()).length === 0, { timeout: 15_000 }).catch(() => undefined);
    expect(await docChannels()).toEqual([]);
    // And the bus still has exactly one subscriber per instance.
    const [, busSubscribers] = (await redis.pubsub('NUMSUB', `${cluster.prefix}:bus`)) as [string, number];
    expect(Number(busSubscribers)).toBe(2);
  }, 60_000);

  it('an edit refused on A as too large or malformed never reaches B', async () => {
    const section = nextSection();
    const name = sectionDocumentName(section.id);
    const watcher = connect(b, 'kommune@demo.no', name);
    await watcher.synced();
    const before = watcher.doc.getXmlFragment('content').toString();
    const writer = connect(a, 'kommune@demo.no', name);
    await writer.synced();
    // A huge paragraph (over the update limit) and a field outside `content`.
    appendParagraph(writer.doc, 'x'.repeat(2_000_000));
    writer.doc.getMap('smuggled').set('key', 'value');
    await sleep(1500);
    expect(watcher.doc.getXmlFragment('content').toString()).toBe(before);
    expect(watcher.doc.getMap('smuggled').size).toBe(0);
  });

  /** What a plan page shows of each section, in a comparable form. */
  const shown = (sections: readonly SectionView[] | undefined) =>
    (sections ?? [])
      .map((s) => ({
        id: s.id,
        revision: s.revision,
        status: s.status,
        locked: s.locked,
        markers: s.markers.map((m) => `${m.partyId}:${m.stance}:${m.revision}`).sort(),
      }))
      .sort((x, y) => x.id.localeCompare(y.id));

  it(`plan pages on A and B converge with GET /api/plans/:id after a burst of edits and commands through both (seed ${SEED})`, async () => {
    const random = new Prng(SEED + 1);
    const sections = [nextSection(), nextSection()];
    const planName = planDocumentName(plan.id);
    const pages = [connect(a, 'hf@demo.no', planName), connect(b, 'hf@demo.no', planName)];
    const writers = [a, b].flatMap((url) =>
      sections.map((section) => connect(url, 'kommune@demo.no', sectionDocumentName(section.id))),
    );
    await Promise.all([...pages, ...writers].map((client) => client.synced(10_000)));
    const markers = ['kommune@demo.no', 'hf@demo.no', 'fastlege@demo.no', 'bruker@demo.no'];
    const pending: Promise<unknown>[] = [];
    for (let step = 0; step < 60; step++) {
      const roll = random.next();
      if (roll < 0.6) {
        appendParagraph(random.pick(writers).doc, `Steg ${step}: ${random.word()} ${random.word()}.`);
      } else {
        // A stance on the revision the instance handling it shows now (it may be stale: then refused).
        const url = random.pick([a, b]);
        const section = random.pick(sections);
        const email = random.pick(markers);
        pending.push(
          api<{ revision: string }>(url, `/api/sections/${section.id}/content`, { token: token(email) }).then((c) =>
            command(url, token(email), 'sections.mark', {
              sectionId: section.id,
              stance: random.pick(['agree', 'disagree'] as const),
              revision: c.body.revision,
            }),
          ),
        );
      }
      await sleep(random.int(0, 40));
    }
    await Promise.all(pending);
    for (const writer of writers) await waitFor(() => !writer.provider.hasUnsyncedChanges, { timeout: 10_000 });
    const ids = new Set(sections.map((s) => s.id));
    const onPage = (page: TestProvider) =>
      shown((readProjection(page.doc) as PlanProjection | null)?.sections.filter((s) => ids.has(s.id)));
    const fromApi = async (url: string) =>
      shown(
        (await api<PlanView>(url, `/api/plans/${plan.id}`, { token: token('hf@demo.no') })).body.sections.filter((s) =>
          ids.has(s.id),
        ),
      );
    // Nothing changes any more: every view must settle on the same thing.
    let views: unknown[] = [];
    await waitFor(
      async () => {
        views = [
          onPage(pages[0] as TestProvider),
          onPage(pages[1] as TestProvider),
          await fromApi(a),
          await fromApi(b),
        ];
        return views.every((view) => JSON.stringify(view) === JSON.stringify(views[0]));
      },
      { timeout: 10_000 },
    ).catch(() => undefined);
    expect(views[1], 'plan page on B').toEqual(views[0]);
    expect(views[2], 'GET /api/plans/:id on A').toEqual(views[0]);
    expect(views[3], 'GET /api/plans/:id on B').toEqual(views[0]);
  }, 60_000);

  it('[L1] a y-websocket client on B cannot store text after a lock through A commits', async () => {
    const section = nextSection({ text: true });
    const name = sectionDocumentName(section.id);
    const writer = connectYWebsocket(b, token('kommune@demo.no'), name);
    open.push(writer);
    await writer.synced();
    const current = await api<{ revision: string }>(a, `/api/sections/${section.id}/content`, {
      token: token('kommune@demo.no'),
    });
    const partyEmail = new Map([...people.values()].map((s) => [s.user.partyId, s.user.email]));
    for (const partyId of section.requiredParties) {
      const reply = await command(a, token(partyEmail.get(partyId) ?? ''), 'sections.mark', {
        sectionId: section.id,
        stance: 'agree',
        revision: current.body.revision,
      });
      expect(reply.status).toBe(200);
    }
    // Typing all along while A locks.
    let typing = true;
    let n = 0;
    const typist = (async () => {
      while (typing) {
        appendParagraph(writer.doc, `y-websocket linje ${n++}.`);
        await sleep(5);
      }
    })();
    const locked = await command(a, token('sekretariat@demo.no'), 'sections.lock', { sectionId: section.id });
    await sleep(500);
    typing = false;
    await typist;
    await sleep(500);
    if (locked.status === 200) {
      const after = await api<{ revision: string }>(a, `/api/sections/${section.id}/content`, {
        token: token('kommune@demo.no'),
      });
      expect(after.body.revision).toBe(locked.body.revision);
    } else {
      // The writer changed the text before the freeze: the lock refuses, as it must.
      expect(locked.status).toBe(409);
    }
  });

  it('[PR1] people on a plan page through B show as present («Her nå») to people on the same plan page through A', async () => {
    const planName = planDocumentName(plan.id);
    const onA = connect(a, 'sekretariat@demo.no', planName);
    const onB = connect(b, 'hf@demo.no', planName);
    await Promise.all([onA.synced(), onB.synced()]);
    onB.provider.setAwarenessField('probe', 'her-nå');
    const presentOnA = () =>
      [...(onA.provider.awareness?.getStates().values() ?? [])].some((state) => state.probe === 'her-nå');
    // Control: the same person through A is seen at once.
    const sameInstance = connect(a, 'hf@demo.no', planName);
    await sameInstance.synced();
    sameInstance.provider.setAwarenessField('probe', 'her-nå-a');
    await waitFor(() =>
      [...(onA.provider.awareness?.getStates().values() ?? [])].some((state) => state.probe === 'her-nå-a'),
    );
    await waitFor(presentOnA, { timeout: 3000 });
  });
});
