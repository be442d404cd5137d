import { sectionDocumentName } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../auth/sessions.js';
import { api, appendParagraph, connectProvider, waitFor, useFixture } from '../testing/index.js';
import type { CollabContext } from './context.js';

const f = useFixture();

const sectionId = () => f.section('Kunnskapsgrunnlag og utfordringsbilde').id; // owned by kommune and HF
const documentName = () => sectionDocumentName(sectionId());

/** Open connections on the server of the user with this e-mail (each test uses one fresh session). */
function connectionsOf(email: string): number {
  return [...f.server.collaboration.hocuspocus.documents.values()]
    .flatMap((document) => document.getConnections())
    .filter((connection) => (connection.context as Partial<CollabContext>).actor?.email === email).length;
}

async function liveText(): Promise<string> {
  const content = await api<{ text: string }>(f.url, `/api/sections/${sectionId()}/content`, {
    token: f.token('bruker'),
  });
  return content.body.text;
}

/** An owner on another session writes, and we wait until it is live: later than anything before. */
async function writeAsOtherOwner(observer: ReturnType<typeof connectProvider>, text: string): Promise<void> {
  appendParagraph(observer.doc, text);
  await waitFor(async () => (await liveText()).includes(text));
}

describe('ending a session ends its sockets', () => {
  it("[S3] logout closes the writer's open socket at once; its later edits are not stored", async () => {
    const token = await f.server.login('kommune@demo.no');
    const writer = connectProvider(f.url, token, documentName());
    const other = connectProvider(f.url, f.token('helseforetak'), documentName());
    await Promise.all([writer.synced(), other.synced()]);
    expect(connectionsOf('kommune@demo.no')).toBe(1);

    expect((await api(f.url, '/api/session', { token, method: 'DELETE' })).status).toBe(200);
    await waitFor(() => connectionsOf('kommune@demo.no') === 0 && !writer.provider.isAuthenticated);

    appendParagraph(writer.doc, 'Skrevet etter utlogging.');
    await writeAsOtherOwner(other, 'Helseforetaket skriver videre.');
    expect(await liveText()).not.toContain('Skrevet etter utlogging.');
    expect(readTextFromYDoc(other.doc)).not.toContain('Skrevet etter utlogging.');
    // The other user's socket stayed open throughout.
    expect(connectionsOf('hf@demo.no')).toBe(1);
    writer.destroy();
    other.destroy();
  });

  it('[S3] a session that expires closes its socket; other sessions keep theirs', async () => {
    const token = await f.server.login('kommune@demo.no');
    const writer = connectProvider(f.url, token, documentName());
    const other = connectProvider(f.url, f.token('helseforetak'), documentName());
    const plan = connectProvider(f.url, token, f.demo.plan.documentName);
    await Promise.all([writer.synced(), other.synced(), plan.synced()]);
    expect(connectionsOf('kommune@demo.no')).toBe(2);

    await f.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', hashToken(token))
      .execute();
    expect(await f.server.context.sessions.sweep()).toBe(2);
    await waitFor(() => connectionsOf('kommune@demo.no') === 0 && !writer.provider.isAuthenticated);

    appendParagraph(writer.doc, 'Skrevet etter utløp.');
    await writeAsOtherOwner(other, 'Helseforetaket skriver etter utløpet.');
    expect(await liveText()).not.toContain('Skrevet etter utløp.');
    expect(connectionsOf('hf@demo.no')).toBe(1);
    writer.destroy();
    other.destroy();
    plan.destroy();
  });

  it('[S3] a socket stops when its session expires, without waiting for the next periodic sweep', async () => {
    const token = await f.server.login('kommune@demo.no');
    // Expires shortly: well before the periodic sweep (every 15 s) would come round.
    await f.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + 4000).toISOString() })
      .where('token_hash', '=', hashToken(token))
      .execute();
    const writer = connectProvider(f.url, token, documentName());
    await writer.synced();
    await f.server.context.sessions.sweep();
    expect(connectionsOf('kommune@demo.no')).toBe(1);
    await waitFor(() => connectionsOf('kommune@demo.no') === 0, { timeout: 12_000 });
    writer.destroy();
  });

  it('[S3] the provider cannot re-authenticate with the ended session', async () => {
    const token = await f.server.login('kommune@demo.no');
    await api(f.url, '/api/session', { token, method: 'DELETE' });
    const again = connectProvider(f.url, token, documentName());
    await expect(again.ready).rejects.toThrow();
    again.destroy();
  });
});
