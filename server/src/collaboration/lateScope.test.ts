import { sectionDocumentName } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  appendParagraph,
  connectProvider,
  useTestServer,
  waitFor,
  type DemoTokens,
  type TestServer,
  storedSectionText,
} from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

const storedText = (sectionId: string) => storedSectionText(server.db, sectionId);

describe('a connection decided before a scope change', () => {
  it('[L3] cannot write into a section locked after its scope was decided, even if the lock never reached it', async () => {
    const sectionId = server.demo.sectionIds[8] ?? '';
    const owner = connectProvider(server.url, tokens.hf, sectionDocumentName(sectionId));
    await owner.synced();
    expect(await owner.ready).toBe('read-write');
    // The race: the lock commits and updates the open connections while this one is still
    // joining the document, so it keeps the writable scope it was given at authentication.
    await server.db.updateTable('sections').set({ locked: 1 }).where('id', '=', sectionId).execute();
    server.collaboration.scopes.changed(sectionId);

    appendParagraph(owner.doc, 'Skrevet etter låsing.');
    const document = () => server.collaboration.hocuspocus.documents.get(sectionDocumentName(sectionId));
    await waitFor(() => [...(document()?.getConnections() ?? [])].every((c) => c.readOnly));
    expect(await storedText(sectionId)).not.toContain('Skrevet etter låsing.');
    expect(readTextFromYDoc(document() ?? new Y.Doc())).not.toContain('Skrevet etter låsing.');
    owner.destroy();
  });

  it('[L3] nothing is accepted while a lock is being taken', async () => {
    const sectionId = server.demo.sectionIds[9] ?? '';
    const owner = connectProvider(server.url, tokens.kommune, sectionDocumentName(sectionId));
    await owner.synced();
    server.collaboration.scopes.freeze(sectionId);
    appendParagraph(owner.doc, 'Skrevet under låsing.');
    const document = () => server.collaboration.hocuspocus.documents.get(sectionDocumentName(sectionId));
    await waitFor(() => [...(document()?.getConnections() ?? [])].every((c) => c.readOnly));
    expect(await storedText(sectionId)).not.toContain('Skrevet under låsing.');
    // The lock did not happen: the scope comes back from the database and writing works again.
    await server.collaboration.access.refreshSection(sectionId);
    owner.destroy();
    const again = connectProvider(server.url, tokens.kommune, sectionDocumentName(sectionId));
    await again.synced();
    appendParagraph(again.doc, 'Skrevet etterpå.');
    await waitFor(() => !again.provider.hasUnsyncedChanges);
    expect(await storedText(sectionId)).toContain('Skrevet etterpå.');
    again.destroy();
  });
});
