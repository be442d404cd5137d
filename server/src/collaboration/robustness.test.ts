import { sectionDocumentName } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { afterProcessed, api, connectProvider, waitFor, useFixture } from '../testing/index.js';

const f = useFixture();

// Hocuspocus message framing: document name, message type, then the payload.
const AUTH = 2;
const SYNC = 0;
const SYNC_UPDATE = 2;

function message(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('hostile input over the collaboration socket', () => {
  it('[O2] nobody writes into the plan projection, not even a crafted client', async () => {
    const name = f.demo.plan.documentName;
    const attacker = connectProvider(f.url, f.token('kommune'), name);
    const witness = connectProvider(f.url, f.token('helseforetak'), name);
    await Promise.all([attacker.synced(), witness.synced()]);
    expect(await attacker.ready).toBe('read-only');
    attacker.doc.getMap('projection').set('plan', { id: 'x', title: 'Kapret plan', forum: null });
    await afterProcessed(attacker, witness);
    const before = await api<{ title: string }>(f.url, `/api/plans/${f.demo.plan.id}`, { token: f.token('kommune') });
    expect(before.body.title).toBe('Felles utviklingsplan 2027–2030');
    expect(witness.doc.getMap('projection').get('plan')).toMatchObject({ title: 'Felles utviklingsplan 2027–2030' });
    attacker.destroy();
    witness.destroy();
  });

  it('[I1] survives malformed updates from an authenticated writer and keeps the document intact', async () => {
    const sectionId = f.section('Kunnskapsgrunnlag og utfordringsbilde').id;
    const name = sectionDocumentName(sectionId);
    const before = await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, {
      token: f.token('kommune'),
    });
    const ws = new WebSocket(`${f.url.replace('http', 'ws')}/collab`);
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    const closed = new Promise((resolve) => ws.on('close', resolve));
    ws.send(
      message(name, (e) => {
        encoding.writeVarUint(e, AUTH);
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, f.token('kommune'));
      }),
    );
    for (const garbage of [new Uint8Array([1, 2, 3]), new Uint8Array(1000).fill(255), new Uint8Array([0, 0, 0, 0])]) {
      ws.send(
        message(name, (e) => {
          encoding.writeVarUint(e, SYNC);
          encoding.writeVarUint(e, SYNC_UPDATE);
          encoding.writeVarUint8Array(e, garbage);
        }),
      );
    }
    ws.send(message(name, (e) => encoding.writeVarUint(e, 99)));
    await Promise.race([closed, waitFor(async () => (await api(f.url, '/api/health')).status === 200)]);
    ws.close();

    // The server still answers, the text is unchanged, and a normal client syncs it.
    expect((await api(f.url, '/api/health')).body).toMatchObject({ ok: true, status: 'ok' });
    const after = await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, {
      token: f.token('kommune'),
    });
    expect(after.body.text).toBe(before.body.text);
    const client = connectProvider(f.url, f.token('kommune'), name);
    await client.synced();
    expect(readTextFromYDoc(client.doc)).toBe(before.body.text);
    client.destroy();
  });
});
