import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sectionDocumentName, type PlanView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, appendParagraph, connectProvider, spawnServer, waitFor, type SpawnedServer } from '../testing/index.js';

/** mulberry32: a tiny seeded PRNG, so a failing run can be repeated with its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.DURABILITY_SEED ?? 20261123);
const ROUNDS = 6;
const SECTION_TITLE = 'Kunnskapsgrunnlag og utfordringsbilde';

async function login(url: string, email: string): Promise<string> {
  const res = await api<{ token: string }>(url, '/api/session', { body: { email, password: 'demo' } });
  return res.body.token;
}

async function sectionText(url: string, token: string, sectionId: string): Promise<string> {
  return (await api<{ text: string }>(url, `/api/sections/${sectionId}/content`, { token })).body.text;
}

describe('durability', () => {
  it(`[P2] kill -9 at random moments (0–100 ms) after acknowledged edits loses none of them (seed ${SEED})`, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-kill-'));
    const random = seededRandom(SEED);
    const acknowledged: string[] = [];
    const lost: string[] = [];
    let server: SpawnedServer = await spawnServer(dataDir);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const token = await login(server.url, 'hf@demo.no');
        const plan = await api<{ id: string }[]>(server.url, '/api/plans', { token });
        const planId = plan.body[0]?.id ?? '';
        const view = await api<PlanView>(server.url, `/api/plans/${planId}`, { token });
        const sectionId = view.body.sections.find((s) => s.title === SECTION_TITLE)?.id ?? '';
        const client = connectProvider(server.url, token, sectionDocumentName(sectionId));
        await client.synced();
        const socket = client.provider.configuration.websocketProvider;

        // Round 0 kills with no delay at all; the others after 0–100 ms of further typing.
        const killDelay = round === 0 ? 0 : Math.floor(random() * 101);
        const killAfterEdit = 2 + Math.floor(random() * 6);
        let killed: Promise<void> | undefined;
        for (let edit = 0; edit < 500; edit++) {
          const text = `Runde ${round}, endring ${edit}.`;
          appendParagraph(client.doc, text);
          // Acknowledged = the provider has nothing unsynced; a closed socket means no ack came.
          await waitFor(() => !client.provider.hasUnsyncedChanges || socket.status === 'disconnected', {
            timeout: 10_000,
          });
          if (client.provider.hasUnsyncedChanges) break;
          acknowledged.push(text);
          if (edit === killAfterEdit) {
            const victim = server;
            killed = new Promise((resolve) => setTimeout(resolve, killDelay)).then(() => victim.kill());
            if (killDelay === 0) await killed;
          }
        }
        await killed;
        client.destroy();

        server = await spawnServer(dataDir);
        const reader = await login(server.url, 'bruker@demo.no');
        const text = await sectionText(server.url, reader, sectionId);
        for (const t of acknowledged) if (!text.includes(t) && !lost.includes(t)) lost.push(t);
      }
      expect(lost, `${lost.length} of ${acknowledged.length} acknowledged edits lost`).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(ROUNDS * 3);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
