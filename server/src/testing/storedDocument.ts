import { sectionDocumentName } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import * as Y from 'yjs';
import type { Db } from '../storage/database.js';
import { loadDocumentState } from '../storage/repositories/documents.js';

/** A document as storage holds it (what a restart would load), not as the live server has it. */
export async function storedDocument(db: Db, documentName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(db, documentName);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/** The stored text of a section body. */
export async function storedSectionText(db: Db, sectionId: string): Promise<string> {
  return readTextFromYDoc(await storedDocument(db, sectionDocumentName(sectionId)));
}
