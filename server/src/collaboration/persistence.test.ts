import { sectionDocumentName } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { afterAll, describe, expect, it } from 'vitest';
import { api, appendParagraph, connectProvider, startTestServer, waitFor, type TestServer } from '../testing/index.js';

let server: TestServer;
afterAll(() => server.destroy());

describe('persistence', () => {
  it('[P1] every acknowledged edit survives a restart, including ones made just before it', async () => {
    server = await startTestServer();
    const sectionId = server.demo.sectionIds[3] ?? '';
    const token = await server.login('hf@demo.no');
    const client = connectProvider(server.url, token, sectionDocumentName(sectionId));
    await client.synced();
    for (let i = 1; i <= 20; i++) appendParagraph(client.doc, `Avsnitt ${i} fra HF.`);
    // Acknowledged = the server has confirmed every update (provider has nothing unsynced).
    await waitFor(() => !client.provider.hasUnsyncedChanges);
    client.destroy();

    server = await server.restart();
    const content = await api<{ text: string; revision: string }>(server.url, `/api/sections/${sectionId}/content`, {
      token: await server.login('bruker@demo.no'),
    });
    for (let i = 1; i <= 20; i++) expect(content.body.text).toContain(`Avsnitt ${i} fra HF.`);
    expect(content.body.text).toContain('tredelt struktur');

    const again = connectProvider(server.url, await server.login('kommune@demo.no'), sectionDocumentName(sectionId));
    await again.synced();
    expect(readTextFromYDoc(again.doc)).toBe(content.body.text);
    again.destroy();
  });

  it('[R1] the content revision changes with the text and is the same for the same text', async () => {
    const sectionId = server.demo.sectionIds[3] ?? '';
    const token = await server.login('kommune@demo.no');
    const read = async () =>
      (await api<{ revision: string }>(server.url, `/api/sections/${sectionId}/content`, { token })).body.revision;
    const before = await read();
    expect(before).toMatch(/^[0-9a-f]{32}$/);
    expect(await read()).toBe(before);
    const client = connectProvider(server.url, token, sectionDocumentName(sectionId));
    await client.synced();
    appendParagraph(client.doc, 'Ny setning.');
    await waitFor(async () => (await read()) !== before);
    const whileLive = await read();
    client.destroy();
    // Once the document is unloaded the revision comes from storage, and must be the same.
    await waitFor(() => !server.collaboration.hocuspocus.documents.has(sectionDocumentName(sectionId)));
    expect(await read()).toBe(whileLive);
    expect(whileLive).not.toBe(before);
  });
});
