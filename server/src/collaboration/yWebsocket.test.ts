import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../auth/sessions.js';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  connectYWebsocket,
  type TestProvider,
  type TestYWebsocket,
  storedSectionText,
  useFixture,
  waitFor,
} from '../testing/index.js';
import { ACCESS_CHANGED_REASON, READ_ONLY_REASON } from './yWebsocket.js';

const f = useFixture();

const SECTION = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by kommune and HF

let probes = 0;

/**
 * Resolves once the server has handled everything the y-websocket client sent so far: it handles
 * one connection's frames in order, so the witness seeing a later awareness marker proves it.
 */
async function afterHandled(sender: TestYWebsocket, witness: TestProvider): Promise<void> {
  const marker = ++probes;
  sender.provider.awareness.setLocalStateField('probe', marker);
  await waitFor(() => witness.provider.awareness?.getStates().get(sender.doc.clientID)?.probe === marker);
}

/** How the server closed the socket when y-websocket gave up reconnecting (a 44xx close code). */
function closedForGood(yws: TestYWebsocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => yws.provider.once('closed', resolve));
}

async function liveText(sectionId: string): Promise<string> {
  const res = await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, { token: f.token('bruker') });
  return res.body.text;
}

describe('the open Yjs endpoint /yjs/<documentName>', () => {
  it('[Y1] edits flow both ways between a y-websocket owner and a Hocuspocus owner, and are stored', async () => {
    const plan = await f.plan({ sections: [SECTION] });
    const { id: sectionId, documentName } = plan.section(SECTION);
    const seeded = await liveText(sectionId);
    const yws = connectYWebsocket(f.url, f.token('kommune'), documentName);
    const hocuspocus = connectProvider(f.url, f.token('helseforetak'), documentName);
    await Promise.all([yws.synced(), hocuspocus.synced()]);
    // The y-websocket client reads the section as it is.
    expect(readTextFromYDoc(yws.doc)).toBe(seeded);
    expect(yws.denied).toEqual([]);

    appendParagraph(yws.doc, 'Skrevet med y-websocket.');
    await waitFor(() => readTextFromYDoc(hocuspocus.doc).includes('Skrevet med y-websocket.'));
    appendParagraph(hocuspocus.doc, 'Svar fra Hocuspocus.');
    await waitFor(() => readTextFromYDoc(yws.doc).includes('Svar fra Hocuspocus.'));

    expect(readTextFromYDoc(yws.doc)).toBe(readTextFromYDoc(hocuspocus.doc));
    await waitFor(async () => (await storedSectionText(f.db, sectionId)).includes('Skrevet med y-websocket.'));
    expect(await liveText(sectionId)).toBe(`${seeded}\n\nSkrevet med y-websocket.\n\nSvar fra Hocuspocus.`);
    yws.destroy();
    hocuspocus.destroy();
  });

  it("[Y2] a non-owner's y-websocket client reads, is told it is read-only, and its edit is never applied", async () => {
    const plan = await f.plan({ sections: [SECTION] });
    const { id: sectionId, documentName } = plan.section(SECTION);
    const before = await storedSectionText(f.db, sectionId);
    const owner = connectProvider(f.url, f.token('kommune'), documentName);
    const attacker = connectYWebsocket(f.url, f.token('bruker'), documentName);
    await Promise.all([owner.synced(), attacker.synced()]);
    expect(readTextFromYDoc(attacker.doc)).toBe(before);
    await waitFor(() => attacker.denied.includes(READ_ONLY_REASON));

    appendParagraph(attacker.doc, 'Brukerrådet skriver via y-websocket.');
    await afterHandled(attacker, owner);
    // Told again when its write is refused.
    expect(attacker.denied.length).toBeGreaterThanOrEqual(2);
    appendParagraph(owner.doc, 'Eieren skriver etterpå.');
    await waitFor(() => readTextFromYDoc(attacker.doc).includes('Eieren skriver etterpå.'));
    await waitFor(async () => (await storedSectionText(f.db, sectionId)).includes('Eieren skriver etterpå.'));

    expect(readTextFromYDoc(owner.doc)).not.toContain('via y-websocket');
    expect(await storedSectionText(f.db, sectionId)).toBe(`${before}\n\nEieren skriver etterpå.`);
    expect(await liveText(sectionId)).not.toContain('via y-websocket');
    // Refused, not disconnected: it keeps reading.
    expect(attacker.closes).toEqual([]);
    owner.destroy();
    attacker.destroy();
  });

  it('[Y3] a lock reaches a y-websocket owner: told, later writes refused; after unlock it writes again on reconnect', async () => {
    const plan = await f.plan({ sections: [SECTION] });
    const { id: sectionId, documentName } = plan.section(SECTION);
    const yws = connectYWebsocket(f.url, f.token('kommune'), documentName);
    const witness = connectProvider(f.url, f.token('helseforetak'), documentName);
    await Promise.all([yws.synced(), witness.synced()]);

    await plan.agreeAll(SECTION);
    expect((await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId })).status).toBe(200);
    await waitFor(() => yws.denied.includes(READ_ONLY_REASON));
    const locked = await liveText(sectionId);

    appendParagraph(yws.doc, 'Skrevet mens seksjonen er låst.');
    await waitFor(() => yws.denied.length >= 2);
    await afterHandled(yws, witness);
    expect(await liveText(sectionId)).toBe(locked);
    expect(await storedSectionText(f.db, sectionId)).toBe(locked);
    expect(readTextFromYDoc(witness.doc)).not.toContain('låst');

    const unlocked = await command(f.url, f.token('sekretariat'), 'sections.unlock', { sectionId, reason: 'Ny runde' });
    expect(unlocked.status).toBe(200);
    // Writable again: the socket is closed so y-websocket reconnects and syncs with its new rights.
    await waitFor(() => yws.closes.some((close) => close.reason === ACCESS_CHANGED_REASON));
    await yws.synced();
    appendParagraph(yws.doc, 'Skrevet etter opplåsing.');
    await waitFor(() => readTextFromYDoc(witness.doc).includes('Skrevet etter opplåsing.'));
    await waitFor(async () => (await storedSectionText(f.db, sectionId)).includes('Skrevet etter opplåsing.'));
    // Its copy still held the edit refused during the lock; the owner's client sends it now, with write access.
    expect(await liveText(sectionId)).toBe(`${locked}\n\nSkrevet mens seksjonen er låst.\n\nSkrevet etter opplåsing.`);
    yws.destroy();
    witness.destroy();
  });

  it('[Y4] a logged-out, expired, missing or foreign token is refused with a close code y-websocket does not retry', async () => {
    const documentName = f.section(SECTION).documentName;
    const loggedOut = await f.server.login('kommune@demo.no');
    expect((await api(f.url, '/api/session', { token: loggedOut, method: 'DELETE' })).status).toBe(200);
    const expired = await f.server.login('hf@demo.no');
    await f.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', hashToken(expired))
      .execute();

    const cases = [
      { token: loggedOut, code: 4401, reason: 'unauthenticated' },
      { token: expired, code: 4401, reason: 'unauthenticated' },
      { token: null, code: 4401, reason: 'unauthenticated' },
      { token: f.other.token('kommune'), code: 4403, reason: 'forbidden' },
    ];
    for (const { token, code, reason } of cases) {
      const yws = connectYWebsocket(f.url, token, documentName);
      const closed = closedForGood(yws);
      expect(await closed).toEqual({ code, reason });
      expect(yws.denied).toEqual([reason]);
      expect(yws.provider.synced).toBe(false);
      expect(readTextFromYDoc(yws.doc)).toBe('');
      yws.destroy();
    }
  });

  it('[Y4] logging out closes an open y-websocket socket for good', async () => {
    const token = await f.server.login('kommune@demo.no');
    const yws = connectYWebsocket(f.url, token, f.section(SECTION).documentName);
    await yws.synced();
    const closed = closedForGood(yws);
    expect((await api(f.url, '/api/session', { token, method: 'DELETE' })).status).toBe(200);
    expect(await closed).toEqual({ code: 4401, reason: 'session-ended' });
    yws.destroy();
  });

  it('[Y5] a name that is no section or plan, or a section that does not exist, is closed with a clear reason', async () => {
    const token = f.token('kommune');
    for (const [name, code, reason] of [
      ['notes:abc', 4400, 'invalid-document'],
      ['section:%E0%A4%A', 4400, 'invalid-document'],
      ['section:finnesikke', 4404, 'not-found'],
    ] as const) {
      const yws = connectYWebsocket(f.url, token, name);
      const closed = closedForGood(yws);
      expect(await closed).toEqual({ code, reason });
      yws.destroy();
    }
    expect((await api(f.url, '/api/health')).status).toBe(200);
  });

  it('[Y6] the plan projection is readable over y-websocket and never writable', async () => {
    const plan = await f.plan({ sections: [SECTION] });
    const yws = connectYWebsocket(f.url, f.token('kommune'), plan.documentName);
    const reader = connectProvider(f.url, f.token('helseforetak'), plan.documentName);
    await Promise.all([yws.synced(), reader.synced()]);
    expect(yws.doc.share.size).toBeGreaterThan(0);
    await waitFor(() => yws.denied.includes(READ_ONLY_REASON));
    yws.doc.getMap('forfalsket').set('status', 'locked');
    await afterHandled(yws, reader);
    expect(reader.doc.getMap('forfalsket').size).toBe(0);
    yws.destroy();
    reader.destroy();
  });

  it('[Y7] what a y-websocket client wrote and saw synced survives a restart', async () => {
    const plan = await f.plan({ sections: [SECTION] });
    const { id: sectionId, documentName } = plan.section(SECTION);
    const yws = connectYWebsocket(f.url, f.token('kommune'), documentName);
    const witness = connectProvider(f.url, f.token('helseforetak'), documentName);
    await Promise.all([yws.synced(), witness.synced()]);
    appendParagraph(yws.doc, 'Lagret før omstart.');
    // Persistence stores an update before it is applied, so once a peer sees it, it is on disk.
    await waitFor(() => readTextFromYDoc(witness.doc).includes('Lagret før omstart.'));
    yws.destroy();
    witness.destroy();
    await f.restart();
    expect(await liveText(sectionId)).toContain('Lagret før omstart.');
  });
});
