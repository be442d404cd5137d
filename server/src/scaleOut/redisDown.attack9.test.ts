import { sectionDocumentName, type PlanView, type SectionView, type SessionView } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { contentRevision } from '../content/revision.js';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  demoLogin,
  privateRedis,
  Prng,
  spawnCluster,
  waitFor,
  type TestCluster,
  type TestProvider,
  storedDocumentAt,
} from '../testing/index.js';

// Adversary round 9 (issue 14): while Redis is down, each instance serves its own connections,
// and nothing the other instance decided reaches them. The scale-out promises that storage stays
// the authority meanwhile (cluster.ts: "storage still refuses its edits once the lock commits").
// These tests take that promise at its word from raw clients on two real server processes.
const clustered = Boolean(process.env.DATABASE_URL);
// Rounds of stances and locks by the same people: the races are under test, not the rate limits.
const unlimitedCommands = { COMMANDS_PER_USER_PER_MINUTE: '1000000', COMMANDS_PER_PLAN_PER_MINUTE: '1000000' };
const SEED = Number(process.env.ATTACK9_SEED ?? 914_2026);
const EMAILS = ['kommune@demo.no', 'hf@demo.no', 'fastlege@demo.no', 'bruker@demo.no', 'sekretariat@demo.no'];

/** The section body exactly as storage holds it, read with SQL (no instance's live copy in between). */
const storedBody = (cluster: TestCluster, documentName: string) =>
  storedDocumentAt(cluster.database.url ?? '', documentName);

interface Setup {
  a: string;
  b: string;
  people: Map<string, SessionView>;
  token(email: string): string;
  plan: PlanView;
  /** A kommune-owned section with text. */
  section: SectionView;
}

async function setUp(cluster: TestCluster): Promise<Setup> {
  const [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
  const people = new Map<string, SessionView>();
  for (const email of EMAILS) people.set(email, await demoLogin(a, email));
  const token = (email: string) => people.get(email)?.token ?? '';
  const plans = await api<{ id: string }[]>(a, '/api/plans', { token: token('sekretariat@demo.no') });
  const plan = (await api<PlanView>(a, `/api/plans/${plans.body[0]?.id}`, { token: token('sekretariat@demo.no') }))
    .body;
  const kommune = people.get('kommune@demo.no')?.user.partyId ?? '';
  const section = plan.sections.find((s) => s.owners.includes(kommune) && !s.empty);
  if (!section) throw new Error('no kommune-owned section with text in the demo plan');
  return { a, b, people, token, plan, section };
}

const health = async (url: string) => (await api<{ redis: string }>(url, '/api/health')).body;

/** Waits until the client's last edit is acknowledged, or its socket is gone (refused). */
async function settledOrClosed(client: TestProvider): Promise<void> {
  const socket = client.provider.configuration.websocketProvider;
  await waitFor(() => !client.provider.hasUnsyncedChanges || socket.status === 'disconnected', {
    timeout: 5000,
  }).catch(() => undefined);
}

describe.skipIf(!clustered)('adversary 9: two instances while Redis is down', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  async function clusterWithoutRedis() {
    const redis = await privateRedis();
    cleanups.push(() => redis.destroy());
    const cluster = await spawnCluster(2, { redisUrl: redis.url, env: unlimitedCommands });
    cleanups.push(() => cluster.close());
    onTestFailed(() => console.log(cluster.instances.map((i) => i.output().slice(-3000)).join('\n=====\n')));
    return { redis, cluster };
  }

  async function takeRedisDown(redis: { stop(): Promise<void> }, setup: Setup) {
    await redis.stop();
    for (const url of [setup.a, setup.b]) await waitFor(async () => (await health(url)).redis === 'down');
  }

  it(
    `[L2] a lock through A (section live on A) never commits on a text older than what B stored before the commit (seed ${SEED})`,
    { timeout: 90_000 },
    async () => {
      const { redis, cluster } = await clusterWithoutRedis();
      const setup = await setUp(cluster);
      const { a, b, section, token } = setup;
      const name = sectionDocumentName(section.id);
      const partyEmail = new Map([...setup.people.values()].map((s) => [s.user.partyId, s.user.email]));
      // A has the section live: the lock reads its revision from A's copy.
      const reader = connectProvider(a, token('kommune@demo.no'), name);
      cleanups.push(async () => reader.destroy());
      await reader.synced(15_000);
      await takeRedisDown(redis, setup);

      const random = new Prng(SEED);
      const violations: string[] = [];
      let locks = 0;
      const deadline = Date.now() + 55_000;
      for (let round = 0; round < 60 && Date.now() < deadline && violations.length === 0; round++) {
        const writer = connectProvider(b, token('kommune@demo.no'), name);
        try {
          await writer.synced(10_000);
          // B's copy holds everything stored (only B writes): the revision the parties agree to.
          const current = await api<{ revision: string }>(b, `/api/sections/${section.id}/content`, {
            token: token('kommune@demo.no'),
          });
          let marked = true;
          for (const partyId of section.requiredParties) {
            const email = partyEmail.get(partyId);
            if (!email) throw new Error(`nobody of party ${partyId}`);
            const reply = await command(b, token(email), 'sections.mark', {
              sectionId: section.id,
              stance: 'agree',
              revision: current.body.revision,
            });
            if (reply.status !== 200) marked = false;
          }
          if (!marked) continue;
          const delay = random.int(0, 60);
          // Every fourth round writes only after the lock has answered: on a loaded machine the lock
          // otherwise always loses the race (correctly refused), and the rule «an edit after the
          // commit is never stored» would go untested.
          const afterLock = round % 4 === 3;
          const lock = command(a, token('sekretariat@demo.no'), 'sections.lock', { sectionId: section.id });
          if (afterLock) await lock;
          else await new Promise((resolve) => setTimeout(resolve, delay));
          const line = `Runde ${round}: skrevet på B mens A låser.`;
          appendParagraph(writer.doc, line);
          const locked = await lock;
          await settledOrClosed(writer);
          if (locked.status !== 200) continue;
          locks += 1;
          const stored = await storedBody(cluster, name);
          const storedRevision = contentRevision(stored);
          const lockedRevision = String(locked.body.revision);
          if (storedRevision !== lockedRevision) {
            violations.push(
              `round ${round} (delay ${delay} ms): locked on ${lockedRevision.slice(0, 8)}, storage holds ${storedRevision.slice(0, 8)}` +
                (readTextFromYDoc(stored).includes(line) ? ` including «${line}»` : ''),
            );
          }
          const unlocked = await command(a, token('sekretariat@demo.no'), 'sections.unlock', {
            sectionId: section.id,
            reason: 'Ny runde i testen.',
          });
          expect(unlocked.status).toBe(200);
        } finally {
          writer.destroy();
        }
      }
      expect(violations).toEqual([]);
      expect(locks).toBeGreaterThan(0);
    },
  );

  it(
    'a person deactivated through A while Redis is down cannot store edits through B afterwards',
    { timeout: 60_000 },
    async () => {
      const { redis, cluster } = await clusterWithoutRedis();
      const setup = await setUp(cluster);
      const { a, b, section, token } = setup;
      const name = sectionDocumentName(section.id);
      const writer = connectProvider(b, token('kommune@demo.no'), name);
      cleanups.push(async () => writer.destroy());
      await writer.synced(15_000);
      expect(await writer.ready).toBe('read-write');
      await takeRedisDown(redis, setup);

      const kommune = setup.people.get('kommune@demo.no');
      const reply = await command(a, token('sekretariat@demo.no'), 'users.deactivate', { userId: kommune?.user.id });
      expect(reply.status).toBe(200);
      const line = 'Skrevet etter at personen ble deaktivert.';
      appendParagraph(writer.doc, line);
      await settledOrClosed(writer);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(readTextFromYDoc(await storedBody(cluster, name))).not.toContain(line);
    },
  );

  it(
    'a session logged out through A while Redis is down cannot store edits through B afterwards',
    { timeout: 60_000 },
    async () => {
      const { redis, cluster } = await clusterWithoutRedis();
      const setup = await setUp(cluster);
      const { a, b, section } = setup;
      const name = sectionDocumentName(section.id);
      const session = await demoLogin(a, 'kommune@demo.no');
      const writer = connectProvider(b, session.token, name);
      cleanups.push(async () => writer.destroy());
      await writer.synced(15_000);
      expect(await writer.ready).toBe('read-write');
      await takeRedisDown(redis, setup);

      const out = await api(a, '/api/session', { method: 'DELETE', token: session.token });
      expect(out.status).toBeLessThan(300);
      // The session is gone for every HTTP request, on either instance.
      expect((await api(b, '/api/plans', { token: session.token })).status).toBe(401);
      const line = 'Skrevet etter utlogging.';
      appendParagraph(writer.doc, line);
      await settledOrClosed(writer);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(readTextFromYDoc(await storedBody(cluster, name))).not.toContain(line);
    },
  );
});
