import {
  planDocumentName,
  sectionDocumentName,
  type PlanProjection,
  type PlanView,
  type SessionView,
} from '@fellesplan/domain';
import { readProjection } from '@fellesplan/editor';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import {
  api,
  command,
  connectProvider,
  demoLogin,
  privateRedis,
  spawnCluster,
  waitFor,
  type TestProvider,
} from '../testing/index.js';

// Adversary round 9 (issue 14, point 3): what an instance missed while Redis was down, and what it
// left behind, once Redis is back.
const clustered = Boolean(process.env.DATABASE_URL);

describe.skipIf(!clustered)('adversary 9: after a Redis outage', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('a stance taken through A during the outage reaches the plan page open on B, and sections opened and closed meanwhile leave no channel', async () => {
    const redis = await privateRedis();
    cleanups.push(() => redis.destroy());
    const cluster = await spawnCluster(2, { redisUrl: redis.url });
    cleanups.push(() => cluster.close());
    onTestFailed(() => console.log(cluster.instances.map((i) => i.output().slice(-3000)).join('\n=====\n')));
    const [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
    const people = new Map<string, SessionView>();
    for (const email of ['kommune@demo.no', 'hf@demo.no']) people.set(email, await demoLogin(a, email));
    const token = (email: string) => people.get(email)?.token ?? '';
    const plans = await api<{ id: string }[]>(a, '/api/plans', { token: token('hf@demo.no') });
    const plan = (await api<PlanView>(a, `/api/plans/${plans.body[0]?.id}`, { token: token('hf@demo.no') })).body;
    const section = plan.sections.find((s) => !s.empty);
    if (!section) throw new Error('no section with text');
    const clients: TestProvider[] = [];
    cleanups.push(async () => clients.forEach((c) => c.destroy()));
    const page = connectProvider(b, token('hf@demo.no'), planDocumentName(plan.id));
    clients.push(page);
    await page.synced(15_000);

    await redis.stop();
    for (const url of [a, b]) {
      await waitFor(async () => (await api<{ redis: string }>(url, '/api/health')).body.redis === 'down');
    }
    const marked = await command(a, token('hf@demo.no'), 'sections.mark', {
      sectionId: section.id,
      stance: 'agree',
      revision: section.revision,
    });
    expect(marked.status).toBe(200);
    // Sections opened and closed on both instances while Redis is away.
    for (const [i, s] of plan.sections.slice(0, 4).entries()) {
      const client = connectProvider(i % 2 ? a : b, token('kommune@demo.no'), sectionDocumentName(s.id));
      await client.synced(15_000);
      client.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await redis.start();
    const hf = people.get('hf@demo.no')?.user.partyId;
    await waitFor(
      () =>
        (readProjection(page.doc) as PlanProjection | null)?.sections
          .find((s) => s.id === section.id)
          ?.markers.some((m) => m.partyId === hf && m.stance === 'agree'),
      { timeout: 15_000 },
    );
    for (const url of [a, b]) {
      await waitFor(async () => (await api<{ status: string }>(url, '/api/health')).body.status === 'ok', {
        timeout: 15_000,
      });
    }
    // Nobody has a section open: no section channel is left subscribed on either instance. The plan
    // page still open on B keeps its own channel (presence on plan pages travels between instances).
    const probe = new Redis(redis.url);
    try {
      const planChannel = `${cluster.prefix}:doc:${planDocumentName(plan.id)}`;
      const channels = async () =>
        ((await probe.pubsub('CHANNELS', `${cluster.prefix}:doc:*`)) as string[]).filter((c) => c !== planChannel);
      await waitFor(async () => (await channels()).length === 0, { timeout: 10_000 }).catch(() => undefined);
      expect(await channels()).toEqual([]);
    } finally {
      probe.disconnect();
    }
  }, 90_000);
});
