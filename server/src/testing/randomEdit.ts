import { CONTENT_FIELD } from '@fellesplan/editor';
import * as Y from 'yjs';
import type { Prng } from './prng.js';

/**
 * One random edit of a section body as the editor makes them: text typed into or deleted from
 * a paragraph, a paragraph added or removed. The first paragraph is never removed, so however
 * replicas' edits interleave, the body stays valid under the schema.
 */
export function randomEdit(doc: Y.Doc, rng: Prng): string {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const paragraphs = fragment
    .toArray()
    .flatMap((node, index) => (node instanceof Y.XmlElement ? [{ node, index }] : []));
  const target = paragraphs.length > 0 ? rng.pick(paragraphs) : null;
  const text = target?.node.firstChild instanceof Y.XmlText ? target.node.firstChild : null;
  const kind = rng.weighted({ insertText: 5, deleteText: 3, insertParagraph: 1, deleteParagraph: 1 });
  if (kind === 'insertText' && text) {
    const word = ` ${rng.word()}`;
    text.insert(rng.int(0, text.length), word);
    return `insert «${word}»`;
  }
  if (kind === 'deleteText' && text && text.length > 0) {
    const at = rng.int(0, text.length - 1);
    const length = Math.min(rng.int(1, 8), text.length - at);
    text.delete(at, length);
    return `delete ${length} at ${at}`;
  }
  if (kind === 'deleteParagraph' && target && target.index > 0) {
    fragment.delete(target.index, 1);
    return `delete paragraph ${target.index}`;
  }
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(rng.word())]);
  const at = rng.int(Math.min(1, fragment.length), fragment.length);
  fragment.insert(at, [paragraph]);
  return `insert paragraph at ${at}`;
}
