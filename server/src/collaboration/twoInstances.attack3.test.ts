import { sectionDocumentName } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  appendParagraph,
  command,
  connectProvider,
  spawnServer,
  storedSectionText,
  useFixture,
  waitFor,
} from '../testing/index.js';

const f = useFixture();

// A second instance on the same database (what DATABASE_URL invites) keeps its own live copy of
// a section and its own connection scopes: a lock taken through one instance reaches the other's
// connections only later. Storage holds the lock everywhere: an edit committed after it is refused
// (DocumentUpdateWriter reads the section row at commit; this was an `it.fails` finding before).
describe('two server instances on one database', () => {
  it('[L1] an owner connected to the other instance cannot write a section locked through this one', async () => {
    const plan = await f.plan();
    const view = await plan.view('kommune');
    const section = view.sections.find((s) => s.owners.includes(f.party('kommune')));
    if (!section) throw new Error('no section owned by kommune');
    const other = await spawnServer(f.server.dataDir, {
      FELLESPLAN_DEMO: '0',
      LOG_LEVEL: 'error',
      ...(f.server.databaseUrl ? { DATABASE_URL: f.server.databaseUrl } : {}),
    });
    try {
      const writer = connectProvider(other.url, f.token('kommune'), sectionDocumentName(section.id));
      await writer.synced();
      const { replies } = await plan.agreeAll(section.title);
      for (const r of replies) expect(r.status).toBe(200);
      const locked = await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId: section.id });
      expect(locked.status).toBe(200);
      appendParagraph(writer.doc, 'Skrevet i en låst seksjon.');
      await waitFor(() => !writer.provider.hasUnsyncedChanges, { timeout: 3000 }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      writer.destroy();
      expect(await storedSectionText(f.db, section.id)).not.toContain('Skrevet i en låst seksjon.');
    } finally {
      await other.stop();
    }
  });
});
