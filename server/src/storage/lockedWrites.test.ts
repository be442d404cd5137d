import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { appendParagraph, connectProvider, storedSectionText, useFixture, waitFor } from '../testing/index.js';

/**
 * [L1] across instances: a connection's scope is decided on its own instance, and a lock that
 * another instance committed reaches it a moment later. Storage is the check that holds
 * everywhere: an edit committed after the lock is refused, never stored and never applied.
 */
const f = useFixture();
const TITLE = 'Samarbeidsstruktur og organisering';

describe('edits that reach storage after a lock', () => {
  it('[L1][L5] an edit stored after the section was locked elsewhere is refused, and the writer falls back to reading', async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName } = plan.section(TITLE);
    const writer = connectProvider(f.url, f.token('kommune'), documentName);
    const closes: string[] = [];
    writer.provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
    try {
      await writer.synced();
      appendParagraph(writer.doc, 'Skrevet før låsen.');
      await waitFor(async () => (await storedSectionText(f.db, sectionId)).includes('Skrevet før låsen.'));

      // What another instance's sections.lock writes; this instance has not been told.
      await f.db.updateTable('sections').set({ locked: 1 }).where('id', '=', sectionId).execute();
      appendParagraph(writer.doc, 'Skrevet etter låsen.');

      await waitFor(() => closes.includes('forbidden'));
      const stored = await storedSectionText(f.db, sectionId);
      expect(stored).toContain('Skrevet før låsen.');
      expect(stored).not.toContain('Skrevet etter låsen.');
      const live = f.server.collaboration.hocuspocus.documents.get(documentName);
      if (live) expect(readTextFromYDoc(live)).not.toContain('Skrevet etter låsen.');
    } finally {
      writer.destroy();
      await f.db.updateTable('sections').set({ locked: 0 }).where('id', '=', sectionId).execute();
    }
  });
});
