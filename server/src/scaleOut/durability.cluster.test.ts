import { sectionDocumentName, type PlanView } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import { describe, expect, it, onTestFailed } from 'vitest';
import { api, appendParagraph, connectProvider, demoLogin, Prng, spawnCluster, waitFor } from '../testing/index.js';

const SEED = Number(process.env.DURABILITY_SEED ?? 20261124);
const ROUNDS = 4;
const clustered = Boolean(process.env.DATABASE_URL);

// [P2] with two instances behind Redis on one PostgreSQL: one instance is killed (SIGKILL) at a
// random moment while people on both type; every acknowledged edit survives, and once the killed
// instance is back both serve the same text.
describe.skipIf(!clustered)('durability of two instances', () => {
  it(`[SO4] [P2] kill -9 of a random instance while both take edits loses no acknowledged edit, and the copies converge (seed ${SEED})`, async () => {
    const random = new Prng(SEED);
    const cluster = await spawnCluster(2);
    onTestFailed(() => console.log(cluster.instances.map((i) => i.output().slice(-3000)).join('\n=====\n')));
    const acknowledged: string[] = [];
    try {
      const first = cluster.instances[0]?.url ?? '';
      const session = await demoLogin(first, 'kommune@demo.no');
      const plans = await api<{ id: string }[]>(first, '/api/plans', { token: session.token });
      const plan = await api<PlanView>(first, `/api/plans/${plans.body[0]?.id}`, { token: session.token });
      const section = plan.body.sections.find((s) => s.owners.includes(session.user.partyId));
      if (!section) throw new Error('no section owned by kommune');
      const name = sectionDocumentName(section.id);

      for (let round = 0; round < ROUNDS; round++) {
        const victim = random.int(0, 1);
        const killAfterEdit = random.int(2, 6);
        const killDelay = random.int(0, 100);
        const clients = cluster.instances.map((instance) => connectProvider(instance.url, session.token, name));
        await Promise.all(clients.map((client) => client.synced(15_000)));
        let killed: Promise<void> | undefined;
        await Promise.all(
          clients.map(async (client, index) => {
            const socket = client.provider.configuration.websocketProvider;
            for (let edit = 0; edit < 200; edit++) {
              const text = `Runde ${round}, instans ${index}, endring ${edit}.`;
              appendParagraph(client.doc, text);
              await waitFor(() => !client.provider.hasUnsyncedChanges || socket.status === 'disconnected', {
                timeout: 10_000,
              });
              if (client.provider.hasUnsyncedChanges) return;
              acknowledged.push(text);
              if (index === victim && edit === killAfterEdit) {
                const target = cluster.instances[victim];
                killed = new Promise((resolve) => setTimeout(resolve, killDelay)).then(() => target?.kill());
              }
              // The survivor goes on until the victim is down and a little after.
              if (index !== victim && killed && edit > killAfterEdit + 20) return;
            }
          }),
        );
        await killed;
        for (const client of clients) client.destroy();
        await cluster.restart(victim);
      }

      // Both instances serve one text, and it holds every acknowledged edit.
      const readers = cluster.instances.map((instance) => connectProvider(instance.url, session.token, name));
      try {
        await Promise.all(readers.map((reader) => reader.synced(15_000)));
        const texts = () => readers.map((reader) => reader.doc.getXmlFragment(CONTENT_FIELD).toString());
        await waitFor(() => new Set(texts()).size === 1);
        // Instance 0 may have been restarted (on another port) since the first login.
        const now = cluster.instances[0]?.url ?? '';
        const stored = await api<{ text: string }>(now, `/api/sections/${section.id}/content`, {
          token: (await demoLogin(now, 'kommune@demo.no')).token,
        });
        const lost = acknowledged.filter((text) => !stored.body.text.includes(text));
        expect(lost, `${lost.length} of ${acknowledged.length} acknowledged edits lost`).toEqual([]);
        const live = texts()[0] ?? '';
        expect(acknowledged.filter((text) => !live.includes(text))).toEqual([]);
        expect(acknowledged.length).toBeGreaterThan(ROUNDS * 6);
      } finally {
        for (const reader of readers) reader.destroy();
      }
    } finally {
      await cluster.close();
    }
  }, 240_000);
});
