import { readTextFromYDoc, CONTENT_FIELD } from '@fellesplan/editor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  awarenessFrame,
  connectProvider,
  connectYWebsocket,
  startFixture,
  storedSectionText,
  useFixture,
  waitFor,
  updateFrame,
  Y_MESSAGE,
  type Fixture,
} from '../testing/index.js';

/** Attacks on the open endpoint `/yjs/<documentName>` (issue 12) from raw sockets and crafted updates. */
const f = useFixture();
const SECTION = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by kommune and HF
const Y_SYNC = Y_MESSAGE.sync;

/** A raw socket on /yjs with whatever the attacker chooses to send at the upgrade; resolves on open or close. */
function openYjs(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }>; messages: Uint8Array[] }> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, { headers });
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ ws, closed, messages }));
    ws.once('close', () => resolve({ ws, closed, messages }));
    ws.once('unexpected-response', () => resolve({ ws, closed, messages }));
  });
}

describe('/yjs under attack', () => {
  it('a read-only peer’s crafted update that only deletes, or only formats, is never applied', async () => {
    const plan = await f.plan({ sections: [SECTION] });
    const { id: sectionId, documentName } = plan.section(SECTION);
    const witness = connectProvider(f.url, f.token('helseforetak'), documentName);
    await witness.synced();
    const before = await storedSectionText(f.db, sectionId);
    expect(before.length).toBeGreaterThan(0);

    // Built on the real state, so the server has every item these updates refer to.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(witness.doc));
    const updates: Uint8Array[] = [];
    copy.on('update', (u: Uint8Array) => updates.push(u));
    const fragment = copy.getXmlFragment(CONTENT_FIELD);
    (fragment.get(0) as Y.XmlElement).setAttribute('textAlign', 'right');
    fragment.delete(0, fragment.length);
    expect(updates).toHaveLength(2);

    const { ws, closed } = await openYjs(f.url, `/yjs/${documentName}?token=${f.token('bruker')}`);
    for (const u of updates) ws.send(updateFrame(u));
    // A marker after the attack: an owner's edit, so the stored text shows everything before it landed.
    const owner = connectYWebsocket(f.url, f.token('kommune'), documentName);
    await owner.synced();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Eierens avsnitt.')]);
    owner.doc.getXmlFragment(CONTENT_FIELD).push([p]);
    await waitFor(async () => (await storedSectionText(f.db, sectionId)).includes('Eierens avsnitt.'));
    expect(await storedSectionText(f.db, sectionId)).toBe(`${before}\n\nEierens avsnitt.`);
    await waitFor(() => readTextFromYDoc(witness.doc) === `${before}\n\nEierens avsnitt.`);
    expect(JSON.stringify(witness.doc.getXmlFragment(CONTENT_FIELD).toJSON())).not.toContain('right');
    ws.terminate();
    await closed;
    owner.destroy();
    witness.destroy();
  });

  it('the token only counts in the query: not as a Bearer header, not in the path, not as a cookie sent from another site', async () => {
    const plan = await f.plan({ sections: [SECTION] });
    const { id: sectionId, documentName } = plan.section(SECTION);
    const token = f.token('kommune');
    const attempts: [string, string, Record<string, string>][] = [
      ['bearer header', `/yjs/${documentName}`, { Authorization: `Bearer ${token}` }],
      ['token in the path', `/yjs/${documentName}/${token}`, {}],
      ['token as the document', `/yjs/${token}`, {}],
      ['cross-site cookie', `/yjs/${documentName}`, { Cookie: `fp_session=${token}`, Origin: 'https://evil.example' }],
      ['other helsefellesskap', `/yjs/${documentName}?token=${f.other.token('kommune')}`, {}],
    ];
    for (const [name, path, headers] of attempts) {
      const { ws, closed, messages } = await openYjs(f.url, path, headers);
      ws.send(updateFrame(Y.encodeStateAsUpdate(new Y.Doc())));
      const { code } = await closed;
      expect(code, name).toBeGreaterThanOrEqual(4400);
      expect(code, name).toBeLessThan(4500);
      // Nothing of the body reached it: no sync message (type 0) at all.
      expect(
        messages.some((m) => m[0] === Y_SYNC),
        name,
      ).toBe(false);
    }
    expect(await storedSectionText(f.db, sectionId)).toBeTruthy();
  });

  it('nobody can remove another client’s presence by sending its id with a null state', async () => {
    const plan = await f.plan({ sections: [SECTION] });
    const { documentName } = plan.section(SECTION);
    const witness = connectProvider(f.url, f.token('helseforetak'), documentName);
    const victim = connectYWebsocket(f.url, f.token('kommune'), documentName);
    await Promise.all([witness.synced(), victim.synced()]);
    victim.provider.awareness.setLocalStateField('cursor', { at: 1 });
    const seen = () => witness.provider.awareness?.getStates().get(victim.doc.clientID);
    await waitFor(() => seen()?.cursor);
    const { ws } = await openYjs(f.url, `/yjs/${documentName}?token=${f.token('bruker')}`);
    ws.send(awarenessFrame(victim.doc.clientID, 10_000, 'null'));
    ws.send(awarenessFrame(777_777, 1, JSON.stringify({ mark: 1 })));
    await waitFor(() => witness.provider.awareness?.getStates().get(777_777));
    expect(seen()?.cursor).toEqual({ at: 1 });
    ws.terminate();
    victim.destroy();
    witness.destroy();
  });

  it('an owner whose update the server could not place (it builds on one that never arrived) reconnects and lands both', async () => {
    const plan = await f.plan({ sections: [SECTION] });
    const { id: sectionId, documentName } = plan.section(SECTION);
    const owner = connectYWebsocket(f.url, f.token('kommune'), documentName);
    await owner.synced();
    const socket = owner.provider.ws!;
    const send = socket.send.bind(socket);
    let dropped = 0;
    // The first edit's frame is lost on the way, as one refused during a freeze is.
    socket.send = (data: Uint8Array) => {
      if (dropped === 0 && data[0] === Y_SYNC) {
        dropped += 1;
        return;
      }
      send(data);
    };
    const fragment = owner.doc.getXmlFragment(CONTENT_FIELD);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Første')]);
    fragment.push([paragraph]);
    (paragraph.get(0) as Y.XmlText).insert(6, ' og andre.');
    await waitFor(async () => (await storedSectionText(f.db, sectionId)).endsWith('Første og andre.'));
    expect(dropped).toBe(1);
    expect(owner.closes.map((c) => c.code)).not.toContain(4422);
    expect(readTextFromYDoc(owner.doc)).toBe(await storedSectionText(f.db, sectionId));
    owner.destroy();
  });
});

describe('/yjs socket floods', () => {
  let small: Fixture;
  beforeAll(async () => {
    small = await startFixture({ socketLimits: { maxSocketsPerAddress: 4, maxUnauthenticatedPerAddress: 2 } });
  });
  afterAll(async () => {
    await small.destroy();
  });

  it('sockets past the per-address cap are refused, idle anonymous ones give way, and a member still gets in', async () => {
    const plan = await small.plan({ sections: [SECTION] });
    const { documentName } = plan.section(SECTION);
    const good = `/yjs/${documentName}?token=${small.token('kommune')}`;
    const held = [];
    for (let i = 0; i < 4; i += 1) {
      // One after another, each authenticated (answered) first: a waiting one would give way.
      const socket = await openYjs(small.url, good);
      // Sync step 1 with an empty state vector, as y-websocket starts.
      socket.ws.send(Uint8Array.from([Y_SYNC, 0, 1, 0]));
      await waitFor(() => socket.messages.length > 0);
      held.push(socket);
    }
    const refused = await openYjs(small.url, good);
    expect(refused.ws.readyState).not.toBe(WebSocket.OPEN);
    for (const s of held) s.ws.terminate();
    await Promise.all(held.map((s) => s.closed));

    // Slowloris: sockets that never finish authenticating (bad token bytes trickled) hold nothing.
    const anonymous = await Promise.all(
      Array.from({ length: 6 }, () => openYjs(small.url, `/yjs/${documentName}?token=x`)),
    );
    const member = connectYWebsocket(small.url, small.token('kommune'), documentName);
    await member.synced();
    member.destroy();
    for (const s of anonymous) s.ws.terminate();
  });
});
