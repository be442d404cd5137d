import { sectionDocumentName } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  useFixture,
  waitFor,
  type TestProvider,
} from '../testing/index.js';

const f = useFixture();

const PARTIES = ['kommune', 'helseforetak', 'fastlege', 'bruker'] as const;

describe('a lock racing connections that are still opening', () => {
  it('[L1][L2] no connection that opens while a lock commits can change the locked text', async () => {
    const plan = await (await f.plan()).view('kommune');
    const owned = plan.sections.filter((s) => s.owners.includes(f.party('kommune')));
    let lockedCount = 0;
    for (const section of owned.slice(0, 2)) {
      const sectionId = section.id;
      const content = await api<{ revision: string }>(f.url, `/api/sections/${sectionId}/content`, {
        token: f.token('kommune'),
      });
      const revision = content.body.revision;
      for (const party of PARTIES) {
        await command(f.url, f.token(party), 'sections.mark', { sectionId, stance: 'agree', revision });
      }
      // The section's document is not loaded: every connection below has to wait for the load.
      const clients: TestProvider[] = [];
      const lock = command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId });
      for (let i = 0; i < 8; i++) {
        clients.push(connectProvider(f.url, f.token('kommune'), sectionDocumentName(sectionId)));
        await new Promise((resolve) => setImmediate(resolve));
      }
      const locked = await lock;
      await Promise.all(clients.map((c) => c.synced().catch(() => undefined)));
      clients.forEach((c, i) => appendParagraph(c.doc, `Skrevet etter låsing ${i}.`));
      // Each client ends either synced or told it is read-only; wait until none is in between.
      await waitFor(() => clients.every((c) => !c.provider.hasUnsyncedChanges || !c.provider.isSynced), {
        timeout: 3000,
      }).catch(() => undefined);
      const after = await api<{ revision: string; text: string }>(f.url, `/api/sections/${sectionId}/content`, {
        token: f.token('kommune'),
      });
      clients.forEach((c) => c.destroy());
      if (locked.status === 200) {
        lockedCount += 1;
        expect(after.body.text).not.toContain('Skrevet etter låsing');
        expect(after.body.revision).toBe(locked.body.revision);
      }
    }
    expect(lockedCount).toBeGreaterThan(0);
  });
});
