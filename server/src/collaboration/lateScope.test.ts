import { sectionDocumentName } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph, connectProvider, waitFor, storedSectionText, useFixture } from '../testing/index.js';

const f = useFixture();

const storedText = (sectionId: string) => storedSectionText(f.db, sectionId);

describe('a connection decided before a scope change', () => {
  it('[L3] cannot write into a section locked after its scope was decided, even if the lock never reached it', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Akuttmedisinsk kjede').id;
    const owner = connectProvider(f.url, f.token('helseforetak'), sectionDocumentName(sectionId));
    await owner.synced();
    expect(await owner.ready).toBe('read-write');
    // The race: the lock commits and updates the open connections while this one is still
    // joining the document, so it keeps the writable scope it was given at authentication.
    await f.db.updateTable('sections').set({ locked: 1 }).where('id', '=', sectionId).execute();
    f.server.collaboration.scopes.changed(sectionId);

    appendParagraph(owner.doc, 'Skrevet etter låsing.');
    const document = () => f.server.collaboration.hocuspocus.documents.get(sectionDocumentName(sectionId));
    await waitFor(() => [...(document()?.getConnections() ?? [])].every((c) => c.readOnly));
    expect(await storedText(sectionId)).not.toContain('Skrevet etter låsing.');
    expect(readTextFromYDoc(document() ?? new Y.Doc())).not.toContain('Skrevet etter låsing.');
    owner.destroy();
  });

  it('[L3] nothing is accepted while a lock is being taken', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Digitalisering og velferdsteknologi').id;
    const owner = connectProvider(f.url, f.token('kommune'), sectionDocumentName(sectionId));
    await owner.synced();
    f.server.collaboration.scopes.freeze(sectionId);
    appendParagraph(owner.doc, 'Skrevet under låsing.');
    const document = () => f.server.collaboration.hocuspocus.documents.get(sectionDocumentName(sectionId));
    await waitFor(() => [...(document()?.getConnections() ?? [])].every((c) => c.readOnly));
    expect(await storedText(sectionId)).not.toContain('Skrevet under låsing.');
    // The lock did not happen: the scope comes back from the database and writing works again.
    await f.server.collaboration.access.thawSection(sectionId);
    owner.destroy();
    const again = connectProvider(f.url, f.token('kommune'), sectionDocumentName(sectionId));
    await again.synced();
    appendParagraph(again.doc, 'Skrevet etterpå.');
    await waitFor(() => !again.provider.hasUnsyncedChanges);
    expect(await storedText(sectionId)).toContain('Skrevet etterpå.');
    again.destroy();
  });
});
