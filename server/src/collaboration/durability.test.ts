import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sectionDocumentName, type PlanView } from '@fellesplan/domain';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  appendParagraph,
  connectProvider,
  createTestDatabase,
  spawnServer,
  useFixture,
  waitFor,
  Prng,
  type SpawnedServer,
} from '../testing/index.js';
import type { Db } from '../storage/database.js';
import { isPostgres } from '../storage/dialect.js';

const SEED = Number(process.env.DURABILITY_SEED ?? 20261123);
const ROUNDS = 6;
const SECTION_TITLE = 'Kunnskapsgrunnlag og utfordringsbilde';

/** A trigger that refuses every new document update, as a full disk would (or drops it again). */
async function diskFull(db: Db, full: boolean): Promise<void> {
  if (!isPostgres(db)) {
    await (
      full
        ? sql`CREATE TRIGGER disk_full BEFORE INSERT ON document_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`
        : sql`DROP TRIGGER disk_full`
    ).execute(db);
    return;
  }
  if (!full) {
    await sql`DROP TRIGGER disk_full ON document_updates`.execute(db);
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`.execute(
    db,
  );
  await sql`CREATE TRIGGER disk_full BEFORE INSERT ON document_updates FOR EACH ROW EXECUTE FUNCTION disk_full()`.execute(
    db,
  );
}

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
    // SQLite in dataDir, or with DATABASE_URL a fresh PostgreSQL schema that outlives each kill.
    const database = await createTestDatabase();
    const start = () => spawnServer(dataDir, { DATABASE_URL: database.url ?? '' });
    const random = new Prng(SEED);
    const acknowledged: string[] = [];
    const lost: string[] = [];
    let server: SpawnedServer = await start().catch(async (error: unknown) => {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
      throw error;
    });
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
        const killDelay = round === 0 ? 0 : random.int(0, 100);
        const killAfterEdit = random.int(2, 7);
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

        server = await start();
        const reader = await login(server.url, 'bruker@demo.no');
        const text = await sectionText(server.url, reader, sectionId);
        for (const t of acknowledged) if (!text.includes(t) && !lost.includes(t)) lost.push(t);
      }
      expect(lost, `${lost.length} of ${acknowledged.length} acknowledged edits lost`).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(ROUNDS * 3);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  }, 300_000);
});

describe('an acknowledgement means stored', () => {
  const f = useFixture();

  it('[P2] an edit the database cannot store is never acknowledged, and is stored once it can', async () => {
    const { id: sectionId, documentName: name } = f.section(SECTION_TITLE);
    const hf = f.token('helseforetak');
    const writer = connectProvider(f.url, hf, name);
    await writer.synced();
    // The disk is full, as far as document updates are concerned.
    await diskFull(f.db, true);
    const closes: string[] = [];
    writer.provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
    appendParagraph(writer.doc, 'Skrevet mens disken var full.');
    await waitFor(() => closes.length > 0);
    expect(closes[0]).toBe('update-refused:storage-failed');
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    const reader = f.token('bruker');
    const text = async () =>
      (await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, { token: reader })).body.text;
    expect(await text()).not.toContain('Skrevet mens disken var full.');

    // The disk recovers; the same client reconnects and its edit is stored.
    await diskFull(f.db, false);
    const doc = writer.doc;
    writer.destroy();
    const again = connectProvider(f.url, hf, name, doc);
    await again.synced();
    await waitFor(() => !again.provider.hasUnsyncedChanges);
    again.destroy();
    await f.restart();
    const afterRestart = await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, { token: reader });
    expect(afterRestart.body.text).toContain('Skrevet mens disken var full.');
  });

  it('[P2] an update another connection of the same copy is still storing is acknowledged only once stored', async () => {
    // One copy on two connections, as when a client reconnects while the server is still
    // storing what it sent on the old one: both send the same update.
    const plan = await f.plan({ sections: [SECTION_TITLE] });
    const { id: sectionId, documentName: name } = plan.section(SECTION_TITLE);
    const hf = f.token('helseforetak');
    const doc = new Y.Doc();
    const first = connectProvider(f.url, hf, name, doc);
    const second = connectProvider(f.url, hf, name, doc);
    await Promise.all([first.synced(), second.synced()]);
    await diskFull(f.db, true);
    const closes: string[] = [];
    for (const client of [first, second])
      client.provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
    appendParagraph(doc, 'Skrevet på to tilkoplingar.');
    // Each connection ends refused, or acknowledged (which it must not be).
    const acknowledged = () => [first, second].some((c) => !c.provider.hasUnsyncedChanges);
    await waitFor(() => closes.length === 2 || acknowledged());
    expect(acknowledged(), 'an edit that was never stored was acknowledged').toBe(false);
    expect(closes).toEqual(['update-refused:storage-failed', 'update-refused:storage-failed']);
    const reader = f.token('bruker');
    const text = (await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, { token: reader })).body
      .text;
    expect(text).not.toContain('Skrevet på to tilkoplingar.');
    await diskFull(f.db, false);
    first.destroy();
    second.destroy();
  });
});
