import fc from 'fast-check';
import * as Y from 'yjs';

/** One edit of a section body, as property tests generate them; indices wrap onto what exists. */
export type BodyEdit =
  | { kind: 'insertText'; block: number; at: number; text: string }
  | { kind: 'deleteText'; block: number; at: number; length: number }
  | { kind: 'bold'; block: number; at: number; length: number; on: boolean }
  | { kind: 'headingLevel'; block: number; level: 2 | 3 | 4 }
  | { kind: 'insertBlock'; at: number; heading: boolean; text: string }
  | { kind: 'deleteBlock'; at: number };

const text = fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('a', 'B', 'Æ', 'ø', 'å', 'é', ' ') });

/** Typing, deleting, bold on and off, heading levels, blocks added and removed. */
export const bodyEdit: fc.Arbitrary<BodyEdit> = fc.oneof(
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
) as fc.Arbitrary<BodyEdit>;

/** Applies an edit the way the editor's Yjs binding stores it. */
export function applyBodyEdit(fragment: Y.XmlFragment, e: BodyEdit): void {
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
  const content = block.get(0) as Y.XmlText | undefined;
  if (!(content instanceof Y.XmlText)) return;
  const at = e.at % (content.length + 1);
  if (e.kind === 'insertText') content.insert(at, e.text);
  else if (e.kind === 'deleteText') content.delete(at, Math.min(e.length, content.length - at));
  else content.format(at, Math.min(e.length, content.length - at), { bold: e.on ? {} : null });
}
