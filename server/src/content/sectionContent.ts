import { sectionDocumentName, type SectionContentView } from '@fellesplan/domain';
import { readJsonFromYDoc, jsonToText } from '@fellesplan/editor';
import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Db } from '../storage/database.js';
import { loadDocumentState } from '../storage/repositories/documents.js';
import { contentRevision } from './revision.js';

/**
 * Reads section bodies: from the live document when this instance has it loaded (it holds edits
 * not yet compacted), otherwise from storage, which holds every applied update.
 */
export class SectionContent {
  constructor(
    private readonly db: Db,
    private readonly hocuspocus: Hocuspocus,
  ) {}

  async withDocument<T>(sectionId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const name = sectionDocumentName(sectionId);
    const live = this.hocuspocus.documents.get(name);
    if (live && !live.isLoading) return read(live);
    const doc = new Y.Doc();
    try {
      const state = await loadDocumentState(this.db, name);
      if (state) Y.applyUpdate(doc, state);
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  async revision(sectionId: string): Promise<string> {
    return this.withDocument(sectionId, contentRevision);
  }

  async view(sectionId: string): Promise<SectionContentView> {
    return this.withDocument(sectionId, (doc) => {
      const json = readJsonFromYDoc(doc);
      return { revision: contentRevision(doc), json, text: jsonToText(json) };
    });
  }
}
