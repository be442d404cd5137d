import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useFixture } from '../testing/index.js';
import { readSearchableText } from './sectionSearch.js';

const f = useFixture();

type Edit =
  | { kind: 'insertText'; block: number; at: number; text: string }
  | { kind: 'deleteText'; block: number; at: number; length: number }
  | { kind: 'bold'; block: number; at: number; length: number }
  | { kind: 'insertBlock'; at: number; text: string }
  | { kind: 'deleteBlock'; at: number };

const text = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('a', 'B', 'æ', 'Ø', 'å', 'é', ' ') });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insertText' as const), block: fc.nat(), at: fc.nat(), text }),
  fc.record({
    kind: fc.constant('deleteText' as const),
    block: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('bold' as const),
    block: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant('insertBlock' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('deleteBlock' as const), at: fc.nat() }),
);

/** Applies an edit as the editor's Yjs binding stores it; indices wrap onto what exists. */
function apply(fragment: Y.XmlFragment, e: Edit): void {
  const blocks = fragment.toArray() as Y.XmlElement[];
  if (e.kind === 'insertBlock') {
    const block = new Y.XmlElement('paragraph');
    block.insert(0, [new Y.XmlText(e.text)]);
    fragment.insert(e.at % (blocks.length + 1), [block]);
    return;
  }
  if (blocks.length === 0) return;
  if (e.kind === 'deleteBlock') {
    fragment.delete(e.at % blocks.length, 1);
    return;
  }
  const content = (blocks[e.block % blocks.length] as Y.XmlElement).get(0) as Y.XmlText | undefined;
  if (!(content instanceof Y.XmlText)) return;
  const at = e.at % (content.length + 1);
  if (e.kind === 'insertText') content.insert(at, e.text);
  else if (e.kind === 'deleteText') content.delete(at, Math.min(e.length, content.length - at));
  else content.format(at, Math.min(e.length, content.length - at), { bold: {} });
}

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
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
          for (const e of edits) {
            // Read before and after each edit, so a stale entry would be there to be served.
            await search.text(sectionId);
            live.transact(() => apply(fragment, e));
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
