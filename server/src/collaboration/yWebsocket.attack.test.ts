import { MAX_AWARENESS_STATE_BYTES } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  api,
  awarenessFrame,
  connectProvider,
  connectYWebsocket,
  Prng,
  storedSectionText,
  useFixture,
  waitFor,
  type TestProvider,
} from '../testing/index.js';

const f = useFixture();

const SECTION = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by kommune and HF
const Y_SYNC = 0;
const Y_AWARENESS = 1;

/** y-websocket framing by hand (no document name), for frames no honest client sends. */
async function rawYjsSocket(documentName: string, token: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(`${f.url.replace(/^http/, 'ws')}/yjs/${documentName}?token=${token}`);
  const closed = new Promise<number>((resolve) => ws.on('close', resolve));
  ws.on('error', () => undefined);
  await new Promise((resolve) => ws.once('open', resolve));
  // Sync step 1 with an empty state vector, as y-websocket starts: the answer means the token was accepted.
  ws.send(Uint8Array.from([Y_SYNC, 0, 1, 0]));
  await new Promise((resolve, reject) => ws.once('message', resolve).once('close', reject));
  return { ws, closed };
}

/** Frames that are broken, truncated, of types y-websocket never sends, or far too large. */
function hostileFrames(prng: Prng): { name: string; frame: Uint8Array }[] {
  const bytes = (values: number[]) => Uint8Array.from(values);
  const frames = [
    { name: 'empty', frame: bytes([]) },
    { name: 'truncated varint type', frame: bytes([0x80]) },
    { name: 'truncated sync type', frame: bytes([Y_SYNC, 0x80]) },
    { name: 'update longer than its frame', frame: bytes([Y_SYNC, 2, 0xff, 0xff, 0x03, 1, 2]) },
    { name: 'update that is no Yjs update', frame: bytes([Y_SYNC, 2, 4, 0xde, 0xad, 0xbe, 0xef]) },
    { name: 'unknown sync step', frame: bytes([Y_SYNC, 9, 0]) },
    { name: 'awareness longer than its frame', frame: bytes([Y_AWARENESS, 0xff, 0x7f, 1]) },
    { name: 'auth with another token', frame: bytes([2, 0, 3, 0x61, 0x62, 0x63]) },
    { name: 'stateless', frame: bytes([5, 1, 0x78]) },
    { name: 'broadcast stateless', frame: bytes([6, 1, 0x78]) },
    { name: 'close', frame: bytes([7, 1, 0x78]) },
  ];
  const noise = Uint8Array.from({ length: 1 << 20 }, () => prng.int(0, 255));
  noise.set([Y_SYNC, 2]);
  frames.push({ name: 'one megabyte of noise in a sync frame', frame: noise });
  for (let i = 0; i < 30; i++) {
    const length = prng.int(1, 64);
    frames.push({ name: `random #${i}`, frame: Uint8Array.from({ length }, () => prng.int(0, 255)) });
  }
  return frames;
}

async function sectionAndWitness(): Promise<{ sectionId: string; documentName: string; witness: TestProvider }> {
  const plan = await f.plan({ sections: [SECTION] });
  const { id: sectionId, documentName } = plan.section(SECTION);
  const witness = connectProvider(f.url, f.token('helseforetak'), documentName);
  await witness.synced();
  return { sectionId, documentName, witness };
}

describe('hostile frames on /yjs', () => {
  it('[Y8] broken, truncated, foreign-typed and huge frames never crash the server nor change the document', async () => {
    const prng = new Prng(20270312);
    const { sectionId, documentName, witness } = await sectionAndWitness();
    const before = await storedSectionText(f.db, sectionId);
    let clock = 0;
    for (const { name, frame } of hostileFrames(prng)) {
      const { ws, closed } = await rawYjsSocket(documentName, f.token('kommune'));
      const marker = ++clock;
      const clientId = 4000 + marker;
      ws.send(frame);
      // Then an honest awareness marker: the frame was handled once the marker arrives, or the socket closed.
      ws.send(awarenessFrame(clientId, 1, JSON.stringify({ marker })));
      let ended = false;
      void closed.then(() => (ended = true));
      await waitFor(
        () =>
          ended || (witness.provider.awareness?.getStates().get(clientId) as { marker?: number })?.marker === marker,
      ).catch((error: unknown) => {
        throw new Error(`after «${name}»: ${String(error)}`);
      });
      ws.terminate();
    }
    expect((await api(f.url, '/api/health')).status).toBe(200);
    expect(readTextFromYDoc(witness.doc)).toBe(before);
    expect(await storedSectionText(f.db, sectionId)).toBe(before);
    witness.destroy();
  });

  it('[Y8] a frame over the size limit closes only that socket', async () => {
    const { documentName, witness } = await sectionAndWitness();
    const { ws, closed } = await rawYjsSocket(documentName, f.token('kommune'));
    ws.send(new Uint8Array(17 * 1024 * 1024));
    expect(await closed).toBe(1009);
    expect((await api(f.url, '/api/health')).status).toBe(200);
    expect(witness.provider.isSynced).toBe(true);
    witness.destroy();
  });

  it("[Y9] awareness from y-websocket passes the same presence checks: the session's name, no one else's id, no huge state", async () => {
    const { documentName, witness } = await sectionAndWitness();
    const yws = connectYWebsocket(f.url, f.token('kommune'), documentName);
    await yws.synced();
    const seen = () => witness.provider.awareness?.getStates().get(yws.doc.clientID);

    // Posing as someone else: the server puts the session's person in `user`.
    yws.provider.awareness.setLocalStateField('user', { name: 'Sekretariatet', party: 'Sekretariatet' });
    await waitFor(() => seen()?.user);
    expect(seen()?.user).toMatchObject({ name: f.user('kommune').name, party: 'Demo kommune' });

    // A state over the limit is dropped; the honest one after it arrives.
    yws.provider.awareness.setLocalStateField('stor', 'x'.repeat(MAX_AWARENESS_STATE_BYTES + 1));
    yws.provider.awareness.setLocalState({ ok: 1 });
    await waitFor(() => seen()?.ok === 1);
    expect(seen()?.stor).toBeUndefined();

    // Another socket, even of the same person, may not speak for that client id.
    const { ws } = await rawYjsSocket(documentName, f.token('kommune'));
    ws.send(awarenessFrame(yws.doc.clientID, 999, JSON.stringify({ forfalsket: true })));
    ws.send(awarenessFrame(5151, 1, JSON.stringify({ mark: 1 })));
    await waitFor(() => witness.provider.awareness?.getStates().get(5151));
    expect(seen()).toMatchObject({ ok: 1 });
    expect(seen()?.forfalsket).toBeUndefined();
    ws.terminate();
    yws.destroy();
    witness.destroy();
  });
});
