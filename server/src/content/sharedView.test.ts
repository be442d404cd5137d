import { sectionDocumentName } from '@fellesplan/domain';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendDocumentUpdate, compactDocument, loadDocumentState } from '../storage/repositories/documents.js';
import { appendParagraph, useFixture } from '../testing/index.js';
import { SectionContent } from './sectionContent.js';

const f = useFixture();

/** A client's copy of what is stored, to write further rows from. */
async function storedCopy(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(f.db, name);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

async function append(doc: Y.Doc, name: string, change: () => void): Promise<void> {
  const before = Y.encodeStateVector(doc);
  change();
  await appendDocumentUpdate(f.db, name, Y.encodeStateAsUpdate(doc, before));
}

describe('sharedView: a stored body read once for every reader', () => {
  it('equals the view read from scratch after appends, a deletion-only row and a compaction', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Brukermedvirkning').id;
    const name = sectionDocumentName(sectionId);
    const content = f.server.context.content;
    const fresh = () =>
      new SectionContent(f.db, f.server.collaboration.hocuspocus, pino({ level: 'silent' })).view(sectionId);

    const first = await content.sharedView(sectionId);
    expect(first).toEqual(await fresh());
    // Unchanged rows: the very same object, not read again.
    expect(await content.sharedView(sectionId)).toBe(first);

    const doc = await storedCopy(name);
    await append(doc, name, () => appendParagraph(doc, 'Brukerrådet deltar i alle arbeidsgrupper.'));
    const appended = await content.sharedView(sectionId);
    expect(appended).not.toBe(first);
    expect(appended).toEqual(await fresh());
    expect(appended.text).toContain('Brukerrådet deltar');

    // A deletion leaves the state vector as it was; the row ids still change.
    await append(doc, name, () => {
      const fragment = doc.getXmlFragment('content');
      const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).delete(0, 'Brukerrådet '.length);
    });
    const deleted = await content.sharedView(sectionId);
    expect(deleted).toEqual(await fresh());
    expect(deleted.text).not.toContain('Brukerrådet deltar');
    expect(deleted.revision).not.toBe(appended.revision);

    await compactDocument(f.db, name, () => Y.encodeStateAsUpdate(doc));
    const compacted = await content.sharedView(sectionId);
    expect(compacted).toEqual(await fresh());
    expect(compacted.revision).toBe(deleted.revision);
  });

  it('is frozen: a reader that changes it fails instead of changing it for the others', async () => {
    const plan = await f.plan();
    const view = await f.server.context.content.sharedView(plan.section('Brukermedvirkning').id);
    expect(() => {
      (view as { revision: string }).revision = 'x';
    }).toThrow(TypeError);
    expect(() => (view.json as { content?: unknown[] }).content?.push({ type: 'paragraph' })).toThrow(TypeError);
  });

  it('keeps views up to its bound in text, oldest out, with the same answers', async () => {
    const plan = await f.plan();
    const ids = plan.sections.map((s) => s.id);
    const content = new SectionContent(f.db, f.server.collaboration.hocuspocus, pino({ level: 'silent' }), 5000, 3000);
    const unbounded = f.server.context.content;
    for (const id of [...ids, ...[...ids].reverse()]) {
      expect(await content.sharedView(id)).toEqual(await unbounded.view(id));
      expect(content.viewsKept.weight).toBeLessThanOrEqual(3000);
    }
    expect(content.viewsKept.views).toBeGreaterThan(0);
    expect(content.viewsKept.views).toBeLessThan(ids.length);
  });

  it('reads a body loaded on this instance from its live document, edits not yet stored included', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Brukermedvirkning').id;
    const content = f.server.context.content;
    const before = await content.sharedView(sectionId);
    const connection = await f.server.collaboration.hocuspocus.openDirectConnection(sectionDocumentName(sectionId));
    try {
      const doc = connection.document;
      if (!doc) throw new Error('not loaded');
      // A change to the live document alone, as a server edit on its way to storage would be.
      Y.applyUpdate(
        doc,
        (() => {
          const copy = new Y.Doc();
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
          const sv = Y.encodeStateVector(copy);
          appendParagraph(copy, 'Bare i minnet.');
          return Y.encodeStateAsUpdate(copy, sv);
        })(),
      );
      const live = await content.sharedView(sectionId);
      expect(live.text).toContain('Bare i minnet.');
      expect(live).toEqual(await content.view(sectionId));
      expect(before.text).not.toContain('Bare i minnet.');
    } finally {
      await connection.disconnect();
    }
  });
});
