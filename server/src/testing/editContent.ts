import { CONTENT_FIELD } from '@fellesplan/editor';
import * as Y from 'yjs';

/** Appends a paragraph to a section body the way the editor would store it. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).push([paragraph]);
}
