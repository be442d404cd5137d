import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBodyEdit, bodyEdit } from '../testing/bodyEdits.js';
import { useFixture } from '../testing/index.js';
import { readSearchableText } from './sectionSearch.js';

const f = useFixture();

describe('the search text cache', () => {
  it('after every step of random edits, what it answers equals the body read from scratch', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Barn og unge').id;
    const { hocuspocus } = f.server.collaboration;
    const connection = await hocuspocus.openDirectConnection(sectionDocumentName(sectionId));
    const live = hocuspocus.documents.get(sectionDocumentName(sectionId));
    if (!live) throw new Error('document is not loaded');
    const fragment = live.getXmlFragment(CONTENT_FIELD);
    const { search, content } = f.server.context;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(bodyEdit, { minLength: 1, maxLength: 12 }), async (edits) => {
          for (const e of edits) {
            // Read before and after each edit, so a stale entry would be there to be served.
            await search.text(sectionId);
            live.transact(() => applyBodyEdit(fragment, e));
            const cached = await search.text(sectionId);
            const fresh = await readSearchableText(content, sectionId);
            expect(cached).toEqual(fresh);
          }
        }),
        { numRuns: 25 },
      );
    } finally {
      await connection.disconnect();
    }
    // Stored (no live document): still the same as from scratch.
    await expect.poll(() => hocuspocus.documents.has(sectionDocumentName(sectionId)), { timeout: 10_000 }).toBe(false);
    expect(await search.text(sectionId)).toEqual(await readSearchableText(content, sectionId));
  });
});
