import { sectionDocumentName, type PlanView } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it, onTestFailed } from 'vitest';
import {
  api,
  appendParagraph,
  connectProvider,
  demoLogin,
  Prng,
  spawnCluster,
  waitFor,
  type TestProvider,
  storedDocumentAt,
} from '../testing/index.js';

// Adversary round 9 (issue 14, point 2): an edit is acknowledged (stored) on A, and A is killed
// -9 right after, while its relay through Redis is under way. The relay is a three-step exchange
// (A announces its state vector, B answers with its own, A sends what B lacks): A dead after the
// first step leaves B's live copy without a stored, acknowledged edit.
const clustered = Boolean(process.env.DATABASE_URL);
const SEED = Number(process.env.ATTACK9_SEED ?? 914_2026);
const ROUNDS = 3;

describe.skipIf(!clustered)('adversary 9: the relaying instance killed', () => {
  it(`every edit acknowledged on A reaches the live copy on B even when A is killed right after acknowledging it (seed ${SEED})`, async () => {
    const random = new Prng(SEED);
    const cluster = await spawnCluster(2);
    onTestFailed(() => console.log(cluster.instances.map((i) => i.output().slice(-3000)).join('\n=====\n')));
    const clients: TestProvider[] = [];
    try {
      const b = cluster.instances[1]?.url ?? '';
      const session = await demoLogin(b, 'kommune@demo.no');
      const plans = await api<{ id: string }[]>(b, '/api/plans', { token: session.token });
      const plan = await api<PlanView>(b, `/api/plans/${plans.body[0]?.id}`, { token: session.token });
      const section = plan.body.sections.find((s) => s.owners.includes(session.user.partyId));
      if (!section) throw new Error('no section owned by kommune');
      const name = sectionDocumentName(section.id);
      // B's reader stays connected throughout: its live copy is the one that must converge.
      const reader = connectProvider(b, session.token, name);
      clients.push(reader);
      await reader.synced(15_000);
      const missing: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const a = cluster.instances[0]?.url ?? '';
        const writer = connectProvider(a, session.token, name);
        clients.push(writer);
        await writer.synced(15_000);
        const line = `Runde ${round}: kvittert på A rett før A dør.`;
        const acknowledged = new Promise<void>((resolve) => {
          const check = () => {
            if (!writer.provider.hasUnsyncedChanges) {
              writer.provider.off('unsyncedChanges', check);
              resolve();
            }
          };
          writer.provider.on('unsyncedChanges', check);
        });
        appendParagraph(writer.doc, line);
        await acknowledged;
        // Killed at once, or a moment later.
        if (random.chance(0.5)) await new Promise((resolve) => setImmediate(resolve));
        await cluster.instances[0]?.kill();
        writer.destroy();
        const reached = await waitFor(() => readTextFromYDoc(reader.doc).includes(line), { timeout: 5000 })
          .then(() => true)
          .catch(() => false);
        if (!reached) missing.push(line);
        await cluster.restart(0);
      }
      // They are stored (acknowledged means stored): only B's live copy, and its clients, lack them.
      const stored = await storedDocumentAt(cluster.database.url ?? '', name);
      expect(missing.filter((line) => !readTextFromYDoc(stored).includes(line))).toEqual([]);
      expect(missing).toEqual([]);
    } finally {
      for (const client of clients) client.destroy();
      await cluster.close();
    }
  }, 120_000);
});
