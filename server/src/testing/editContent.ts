import { CONTENT_FIELD } from '@fellesplan/editor';
import * as Y from 'yjs';
import type { Db } from '../storage/database.js';
import { connectProvider } from './connectProvider.js';
import { storedSectionText } from './storedDocument.js';
import { waitFor } from './waitFor.js';

/** Appends a paragraph to a section body the way the editor would store it. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).push([paragraph]);
}

/** An owner appends a paragraph over a real provider and the test waits until it is stored. */
export async function appendStoredParagraph(
  baseUrl: string,
  token: string,
  db: Db,
  section: { id: string; documentName: string },
  text: string,
): Promise<void> {
  const client = connectProvider(baseUrl, token, section.documentName);
  try {
    await client.synced();
    appendParagraph(client.doc, text);
    await waitFor(async () => (await storedSectionText(db, section.id)).includes(text));
  } finally {
    client.destroy();
  }
}
