import { CONTENT_FIELD, documentSchema, readJsonFromYDoc, writeJsonToYDoc, type TiptapJSON } from '@fellesplan/editor';
import { diffBodies, diffSideText } from '@fellesplan/editor/compare';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyBodyEdit, bodyEdit, type BodyEdit } from '../testing/bodyEdits.js';

const start: TiptapJSON = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mål for perioden' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Kommunen og ' },
        { type: 'text', text: 'helseforetaket', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' skal samarbeide om skrøpelige eldre.' },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Fastlegene deltar i alle utvalg.' }] },
  ],
};

function edited(from: TiptapJSON, edits: BodyEdit[]): TiptapJSON {
  const doc = new Y.Doc();
  writeJsonToYDoc(doc, from);
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  for (const e of edits) doc.transact(() => applyBodyEdit(fragment, e));
  return readJsonFromYDoc(doc);
}

const node = (json: TiptapJSON) => documentSchema().nodeFromJSON(json);
const text = (json: TiptapJSON) => node(json).textContent;
const edits = fc.array(bodyEdit, { minLength: 0, maxLength: 12 });

describe('diffBodies on random edits', () => {
  it('keeps both texts: leaving out the insertions gives the old text, leaving out the deletions the new one', () => {
    fc.assert(
      fc.property(edits, edits, (first, second) => {
        const before = edited(start, first);
        const after = edited(before, second);
        const diff = diffBodies(before, after);
        expect(diffSideText(diff.doc, 'before')).toBe(text(before));
        expect(diffSideText(diff.doc, 'after')).toBe(text(after));
        expect(diff.changed).toBe(!node(before).eq(node(after)));
        if (!diff.changed) expect(diff.counts.paragraphs).toBe(0);
      }),
      { numRuns: 300, seed: 20270312 },
    );
  });
});
