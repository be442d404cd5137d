import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sectionDocumentName, type PlanView } from '@fellesplan/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  connectProvider,
  spawnServer,
  startTestServer,
  waitFor,
  type SpawnedServer,
  type TestServer,
} from '../testing/index.js';

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

describe('an acknowledgement means stored', () => {
  let server: TestServer;
  let hf: string;
  beforeAll(async () => {
    server = await startTestServer();
    hf = await server.login('hf@demo.no');
  });
  afterAll(() => server.destroy());

  it('[P2] an edit the database cannot store is never acknowledged, and is stored once it can', async () => {
    const sectionId = server.demo.sectionIds[2] ?? '';
    const name = sectionDocumentName(sectionId);
    const writer = connectProvider(server.url, hf, name);
    await writer.synced();
    // The disk is full, as far as document updates are concerned.
    await sql`CREATE TRIGGER disk_full BEFORE INSERT ON document_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(
      server.db,
    );
    const closes: string[] = [];
    writer.provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
    appendParagraph(writer.doc, 'Skrevet mens disken var full.');
    await waitFor(() => closes.length > 0);
    expect(closes[0]).toBe('update-refused:storage-failed');
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    const reader = await server.login('bruker@demo.no');
    const text = async () =>
      (await api<{ text: string }>(server.url, `/api/sections/${sectionId}/content`, { token: reader })).body.text;
    expect(await text()).not.toContain('Skrevet mens disken var full.');

    // The disk recovers; the same client reconnects and its edit is stored.
    await sql`DROP TRIGGER disk_full`.execute(server.db);
    const doc = writer.doc;
    writer.destroy();
    const again = connectProvider(server.url, hf, name, doc);
    await again.synced();
    await waitFor(() => !again.provider.hasUnsyncedChanges);
    again.destroy();
    server = await server.restart();
    const afterRestart = await api<{ text: string }>(server.url, `/api/sections/${sectionId}/content`, {
      token: await server.login('bruker@demo.no'),
    });
    expect(afterRestart.body.text).toContain('Skrevet mens disken var full.');
  });
});
