import { sectionDocumentName, type SectionContentView } from '@fellesplan/domain';
import { readJsonFromYDoc, jsonToText } from '@fellesplan/editor';
import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Db } from '../storage/database.js';
import { latestUpdateId, loadDocumentState } from '../storage/repositories/documents.js';
import { contentRevision } from './revision.js';

/**
 * Reads section bodies: from the live document when this instance has it loaded (it holds edits
 * not yet compacted), otherwise from storage, which holds every applied update.
 */
export class SectionContent {
  /**
   * Revisions are recomputed for every section each time the plan projection refreshes (every
   * few hundred ms while anyone types). The key says exactly which content a revision is of, so
   * a cached one is never stale, on any instance: the state vector of the live document, or
   * the id of the newest stored update.
   */
  private readonly revisions = new Map<string, { key: string; revision: string }>();

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
    const name = sectionDocumentName(sectionId);
    const live = this.hocuspocus.documents.get(name);
    const key =
      live && !live.isLoading
        ? `live:${Buffer.from(Y.encodeStateVector(live)).toString('base64')}`
        : `stored:${(await latestUpdateId(this.db, name)) ?? 'none'}`;
    const cached = this.revisions.get(sectionId);
    if (cached?.key === key) return cached.revision;
    const revision = await this.withDocument(sectionId, contentRevision);
    this.revisions.set(sectionId, { key, revision });
    return revision;
  }

  async view(sectionId: string): Promise<SectionContentView> {
    return this.withDocument(sectionId, (doc) => {
      const json = readJsonFromYDoc(doc);
      return { revision: contentRevision(doc), json, text: jsonToText(json) };
    });
  }
}
