import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD, readJsonFromYDoc, writeJsonToYDoc } from '@fellesplan/editor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyBodyEdit, bodyEdit } from '../testing/bodyEdits.js';
import { useFixture } from '../testing/index.js';
import { contentRevision } from './revision.js';

const f = useFixture();

describe('[R1] the served revision is a pure function of the content', () => {
  it('[R1] after every step of random edits it equals a revision computed from scratch, and equal content gives an equal one', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Økonomi og samhandlingsbudsjett').id;
    const connection = await f.server.collaboration.hocuspocus.openDirectConnection(sectionDocumentName(sectionId));
    const live = f.server.collaboration.hocuspocus.documents.get(sectionDocumentName(sectionId));
    if (!live) throw new Error('document is not loaded');
    const fragment = live.getXmlFragment(CONTENT_FIELD);
    const fromScratch = (doc: Y.Doc) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      return copy;
    };
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(bodyEdit, { minLength: 1, maxLength: 15 }), async (edits) => {
          live.transact(() => fragment.delete(0, fragment.length));
          for (const e of edits) {
            live.transact(() => applyBodyEdit(fragment, e));
            const copy = fromScratch(live);
            expect(await f.server.context.content.revision(sectionId)).toBe(contentRevision(copy));
            // The same content written afresh (other client ids, no history) has the same revision.
            const rewritten = new Y.Doc();
            writeJsonToYDoc(rewritten, readJsonFromYDoc(copy));
            expect(contentRevision(rewritten)).toBe(contentRevision(copy));
          }
        }),
        { numRuns: 60, seed: 20270101 },
      );
    } finally {
      await connection.disconnect();
    }
  });
});
