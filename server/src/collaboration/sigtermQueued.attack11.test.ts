import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sectionDocumentName, type PlanView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  connectProvider,
  createTestDatabase,
  spawnServer,
  type SpawnedServer,
  type TestProvider,
  waitFor,
} from '../testing/index.js';

const SECTION_TITLE = 'Kunnskapsgrunnlag og utfordringsbilde';
const WRITERS = 3;

async function login(url: string, email: string): Promise<string> {
  const res = await api<{ token: string }>(url, '/api/session', { body: { email, password: 'demo' } });
  return res.body.token;
}

describe('SIGTERM with writes queued (attack 11)', () => {
  it('[P2] writers typing without waiting when the server is told to stop: every acknowledged edit is stored, and the server exits', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-sigterm-'));
    const database = await createTestDatabase();
    const start = () => spawnServer(dataDir, { DATABASE_URL: database.url ?? '' });
    let server: SpawnedServer = await start();
    const clients: TestProvider[] = [];
    try {
      const token = await login(server.url, 'hf@demo.no');
      const plans = await api<{ id: string }[]>(server.url, '/api/plans', { token });
      const view = await api<PlanView>(server.url, `/api/plans/${plans.body[0]?.id ?? ''}`, { token });
      const sectionId = view.body.sections.find((s) => s.title === SECTION_TITLE)?.id ?? '';
      for (let i = 0; i < WRITERS; i++)
        clients.push(connectProvider(server.url, token, sectionDocumentName(sectionId)));
      await Promise.all(clients.map((c) => c.synced()));

      // Typed by each writer, and acknowledged: everything a writer typed before it had nothing unsynced.
      const typed = clients.map(() => [] as string[]);
      const acknowledged = new Set<string>();
      let typing = true;
      const typers = clients.map(async (client, index) => {
        for (let n = 0; typing; n++) {
          const text = `Skriver ${index}, endring ${n}.`;
          appendParagraph(client.doc, text);
          typed[index]!.push(text);
          // Every fourth edit waits for the acknowledgements to catch up (one never comes while typing
          // never stops, and a fixed pause is too short when commits are slow: PostgreSQL on a busy machine).
          if (n % 4 === 3) {
            await waitFor(() => !client.provider.hasUnsyncedChanges, { timeout: 10_000 }).catch(() => undefined);
          } else {
            await new Promise((resolve) => setImmediate(resolve));
          }
          if (!client.provider.hasUnsyncedChanges) for (const t of typed[index]!) acknowledged.add(t);
        }
      });
      // Typing until a good many edits are acknowledged, then the stop arrives with more in flight.
      while (acknowledged.size < 60) await new Promise((resolve) => setTimeout(resolve, 10));
      // Resolves once the process has exited: a shutdown that hung on the writer would time out here.
      await server.stop();
      typing = false;
      await Promise.all(typers);
      clients.forEach((c) => c.destroy());

      server = await start();
      const reader = await login(server.url, 'bruker@demo.no');
      const text = (await api<{ text: string }>(server.url, `/api/sections/${sectionId}/content`, { token: reader }))
        .body.text;
      const lost = [...acknowledged].filter((t) => !text.includes(t));
      expect(lost, `${lost.length} of ${acknowledged.size} acknowledged edits lost`).toEqual([]);
    } finally {
      clients.forEach((c) => c.destroy());
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  }, 180_000);
});
