import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { api, appendParagraph, connectProvider, useFixture, waitFor } from '../testing/index.js';

const f = useFixture();

describe('persistence', () => {
  it('[P1] every acknowledged edit survives a restart, including ones made just before it', async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName } = plan.section('Samarbeidsstruktur og organisering');
    const client = connectProvider(f.url, f.token('helseforetak'), documentName);
    await client.synced();
    for (let i = 1; i <= 20; i++) appendParagraph(client.doc, `Avsnitt ${i} fra HF.`);
    // Acknowledged = the server has confirmed every update (provider has nothing unsynced).
    await waitFor(() => !client.provider.hasUnsyncedChanges);
    client.destroy();

    await f.restart();
    const content = await api<{ text: string; revision: string }>(f.url, `/api/sections/${sectionId}/content`, {
      token: f.token('bruker'),
    });
    for (let i = 1; i <= 20; i++) expect(content.body.text).toContain(`Avsnitt ${i} fra HF.`);
    expect(content.body.text).toContain('tredelt struktur');

    const again = connectProvider(f.url, f.token('kommune'), documentName);
    await again.synced();
    expect(readTextFromYDoc(again.doc)).toBe(content.body.text);
    again.destroy();
  });

  it('[R1] the content revision changes with the text and is the same for the same text', async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName } = plan.section('Samarbeidsstruktur og organisering');
    const token = f.token('kommune');
    const read = async () =>
      (await api<{ revision: string }>(f.url, `/api/sections/${sectionId}/content`, { token })).body.revision;
    const before = await read();
    expect(before).toMatch(/^[0-9a-f]{32}$/);
    expect(await read()).toBe(before);
    const client = connectProvider(f.url, token, documentName);
    await client.synced();
    appendParagraph(client.doc, 'Ny setning.');
    await waitFor(async () => (await read()) !== before);
    const whileLive = await read();
    client.destroy();
    // Once the document is unloaded the revision comes from storage, and must be the same.
    await waitFor(() => !f.server.collaboration.hocuspocus.documents.has(documentName));
    expect(await read()).toBe(whileLive);
    expect(whileLive).not.toBe(before);
  });
});
