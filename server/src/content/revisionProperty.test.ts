import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD, readJsonFromYDoc, writeJsonToYDoc } from '@fellesplan/editor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useFixture } from '../testing/index.js';
import { contentRevision } from './revision.js';

const f = useFixture();

type Edit =
  | { kind: 'insertText'; block: number; at: number; text: string }
  | { kind: 'deleteText'; block: number; at: number; length: number }
  | { kind: 'bold'; block: number; at: number; length: number; on: boolean }
  | { kind: 'headingLevel'; block: number; level: 2 | 3 | 4 }
  | { kind: 'insertBlock'; at: number; heading: boolean; text: string }
  | { kind: 'deleteBlock'; at: number };

const text = fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('a', 'b', 'Æ', 'ø', ' ', 'å') });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insertText'), block: fc.nat(), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('deleteText'), block: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    kind: fc.constant('bold'),
    block: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 6 }),
    on: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('headingLevel'), block: fc.nat(), level: fc.constantFrom(2 as const, 3 as const, 4) }),
  fc.record({ kind: fc.constant('insertBlock'), at: fc.nat(), heading: fc.boolean(), text }),
  fc.record({ kind: fc.constant('deleteBlock'), at: fc.nat() }),
) as fc.Arbitrary<Edit>;

/** Applies an edit the way the editor's Yjs binding stores it; indices wrap onto what exists. */
function apply(fragment: Y.XmlFragment, e: Edit): void {
  const blocks = fragment.toArray() as Y.XmlElement[];
  if (e.kind === 'insertBlock') {
    const block = new Y.XmlElement(e.heading ? 'heading' : 'paragraph');
    if (e.heading) block.setAttribute('level', 2 as unknown as string); // y-tiptap stores attrs as given
    block.insert(0, [new Y.XmlText(e.text)]);
    fragment.insert(e.at % (blocks.length + 1), [block]);
    return;
  }
  if (blocks.length === 0) return;
  if (e.kind === 'deleteBlock') {
    fragment.delete(e.at % blocks.length, 1);
    return;
  }
  const block = blocks[e.block % blocks.length] as Y.XmlElement;
  if (e.kind === 'headingLevel') {
    if (block.nodeName === 'heading') block.setAttribute('level', e.level as unknown as string);
    return;
  }
  const content = block.get(0) as Y.XmlText;
  const at = e.at % (content.length + 1);
  if (e.kind === 'insertText') content.insert(at, e.text);
  else if (e.kind === 'deleteText') content.delete(at, Math.min(e.length, content.length - at));
  else content.format(at, Math.min(e.length, content.length - at), { bold: e.on ? {} : null });
}

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
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 15 }), async (edits) => {
          live.transact(() => fragment.delete(0, fragment.length));
          for (const e of edits) {
            live.transact(() => apply(fragment, e));
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
