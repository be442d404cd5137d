import { sectionDocumentName, type PlanView } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import type * as Y from 'yjs';
import {
  api,
  appendParagraph,
  connectProvider,
  demoLogin,
  privatePostgres,
  privateRedis,
  spawnCluster,
  waitFor,
  type PrivateService,
  type TestCluster,
  type TestProvider,
} from '../testing/index.js';

// Faults of the services a deployment runs on (issue 14, point 3), each on a PostgreSQL or Redis
// of the test's own, so taking it down touches no other test. Runs once, in the `postgres` project.
const clustered = Boolean(process.env.DATABASE_URL);
const text = (doc: Y.Doc) => doc.getXmlFragment(CONTENT_FIELD).toString();
const OUTAGE_MS = 10_000;

interface Health {
  ok: boolean;
  status: 'ok' | 'degraded';
  database: 'ok' | 'down';
  redis: 'ok' | 'down' | 'off';
}

describe.skipIf(!clustered)('faults of PostgreSQL and Redis', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  /** A kommune-owned section of the demo plan, and a writer to it on each instance. */
  async function writers(cluster: TestCluster): Promise<{ sectionId: string; clients: TestProvider[]; token: string }> {
    const urls = cluster.instances.map((instance) => instance.url);
    const first = urls[0] ?? '';
    const session = await demoLogin(first, 'kommune@demo.no');
    const plans = await api<{ id: string }[]>(first, '/api/plans', { token: session.token });
    const plan = await api<PlanView>(first, `/api/plans/${plans.body[0]?.id}`, { token: session.token });
    const section = plan.body.sections.find((s) => s.owners.includes(session.user.partyId));
    if (!section) throw new Error('no section owned by kommune');
    const clients = urls.map((url) => connectProvider(url, session.token, sectionDocumentName(section.id)));
    cleanups.push(async () => clients.forEach((client) => client.destroy()));
    await Promise.all(clients.map((client) => client.synced(15_000)));
    return { sectionId: section.id, clients, token: session.token };
  }

  const health = async (url: string) => (await api<Health>(url, '/api/health')).body;

  it(
    `[SO4] PostgreSQL restarted for ${OUTAGE_MS / 1000} s while two instances type: editing goes on, health says degraded, nothing is lost`,
    {
      timeout: 90_000,
    },
    async () => {
      const postgres: PrivateService = await privatePostgres();
      cleanups.push(() => postgres.destroy());
      const cluster = await spawnCluster(2, { databaseUrl: postgres.url });
      cleanups.push(() => cluster.close());
      onTestFailed(() => console.log(cluster.instances.map((i) => i.output().slice(-4000)).join('\n=====\n')));
      const { sectionId, clients, token } = await writers(cluster);
      const typed: string[] = [];
      let typing = true;
      const typists = clients.map(async (client, index) => {
        for (let n = 0; typing; n++) {
          const line = `Instans ${index} skriver linje ${n}.`;
          appendParagraph(client.doc, line);
          typed.push(line);
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await postgres.stop();
      const down = Date.now();
      for (const instance of cluster.instances) {
        expect(await health(instance.url)).toMatchObject({ ok: true, status: 'degraded', database: 'down' });
        // A command meanwhile is told to try again shortly, in words, not «something broke».
        const comment = await api<{ error: { code: string } }>(instance.url, '/api/commands/threads.create', {
          token,
          body: { sectionId, body: 'Skrevet mens databasen var nede.' },
        });
        expect(comment.status).toBe(503);
        expect(comment.body.error.code).toBe('storage_unavailable');
        expect(comment.headers.get('retry-after')).toBe('2');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - down))));
      await postgres.start();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      typing = false;
      await Promise.all(typists);
      // Every edit is acknowledged once the database is back, and each copy holds every line.
      for (const client of clients) {
        await waitFor(() => !client.provider.hasUnsyncedChanges, { timeout: 30_000 });
      }
      for (const client of clients) await waitFor(() => typed.every((line) => text(client.doc).includes(line)));
      const first = cluster.instances[0]?.url ?? '';
      const session = await demoLogin(first, 'kommune@demo.no');
      const stored = await api<{ text: string }>(first, `/api/sections/${sectionId}/content`, { token: session.token });
      expect(typed.filter((line) => !stored.body.text.includes(line))).toEqual([]);
      for (const instance of cluster.instances) {
        expect(await health(instance.url)).toMatchObject({ status: 'ok' });
        // Neither process restarted on the way: the same ones answer.
        expect(instance.process.exitCode).toBeNull();
      }
    },
  );

  it(
    '[SO4] Redis down: each instance serves its own connections, and they resynchronise when it returns',
    {
      timeout: 60_000,
    },
    async () => {
      const redis = await privateRedis();
      cleanups.push(() => redis.destroy());
      const cluster = await spawnCluster(2, { redisUrl: redis.url });
      cleanups.push(() => cluster.close());
      const { sectionId, clients } = await writers(cluster);
      const [onA, onB] = clients as [TestProvider, TestProvider];
      appendParagraph(onA.doc, 'Før stansen, fra A.');
      await waitFor(() => text(onB.doc).includes('Før stansen, fra A.'));

      await redis.stop();
      for (const instance of cluster.instances) {
        await waitFor(async () => (await health(instance.url)).redis === 'down');
        expect(await health(instance.url)).toMatchObject({ ok: true, status: 'degraded', database: 'ok' });
      }
      appendParagraph(onA.doc, 'Under stansen, fra A.');
      appendParagraph(onB.doc, 'Under stansen, fra B.');
      // Each instance acknowledges (so stores) its own writer's edits while Redis is away.
      for (const client of clients) await waitFor(() => !client.provider.hasUnsyncedChanges);

      await redis.start();
      for (const client of clients) {
        await waitFor(
          () => ['Under stansen, fra A.', 'Under stansen, fra B.'].every((l) => text(client.doc).includes(l)),
          {
            timeout: 15_000,
          },
        );
      }
      expect(text(onA.doc)).toBe(text(onB.doc));
      for (const instance of cluster.instances) {
        await waitFor(async () => (await health(instance.url)).status === 'ok', { timeout: 10_000 });
      }
      // And live sharing works again.
      appendParagraph(onB.doc, 'Etter stansen, fra B.');
      await waitFor(() => text(onA.doc).includes('Etter stansen, fra B.'));
      const session = await demoLogin(cluster.instances[0]?.url ?? '', 'kommune@demo.no');
      const stored = await api<{ text: string }>(
        cluster.instances[0]?.url ?? '',
        `/api/sections/${sectionId}/content`,
        {
          token: session.token,
        },
      );
      for (const line of ['Før stansen', 'Under stansen, fra A.', 'Under stansen, fra B.', 'Etter stansen'])
        expect(stored.body.text).toContain(line);
    },
  );
});
