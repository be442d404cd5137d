import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { api, connectProvider, useTestServer, waitFor, type DemoTokens, type TestServer } from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;

/** A raw socket authenticated for one document, sending whatever frames the test builds. */
async function rawClient(documentName: string, token: string) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab`);
  await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  const send = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    write(encoder);
    ws.send(encoding.toUint8Array(encoder));
  };
  send((e) => {
    encoding.writeVarUint(e, AUTH);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });
  return {
    ws,
    received,
    send,
    /** One awareness message carrying the given entries, in this order. */
    announceMany(entries: [clientId: number, clock: number, state: Record<string, unknown>][]) {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, entries.length);
      for (const [clientId, clock, state] of entries) {
        encoding.writeVarUint(update, clientId);
        encoding.writeVarUint(update, clock);
        encoding.writeVarString(update, JSON.stringify(state));
      }
      send((e) => {
        encoding.writeVarUint(e, AWARENESS);
        encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
      });
    },
    close: () => ws.close(),
  };
}

describe('adversarial sync messages', () => {
  it('[I1] a read-only member sending a malformed SyncStep2 closes at most its own connection', async () => {
    const name = sectionDocumentName(server.demo.sectionIds[1] ?? '');
    const owner = connectProvider(server.url, tokens.kommune, name);
    await owner.synced();
    const reader = await rawClient(name, tokens.bruker);
    for (const bytes of [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]), new Uint8Array([1, 200, 1, 7])]) {
      reader.send((e) => {
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, 1); // step 2
        encoding.writeVarUint8Array(e, bytes);
      });
    }
    const health = await api(server.url, '/api/health');
    expect(health.status).toBe(200);
    const other = connectProvider(server.url, tokens.hf, name);
    await other.synced();
    reader.close();
    other.destroy();
    owner.destroy();
  });

  it.each([
    ['an overlapping link mark name', 'link--a1b2', 'javascript:alert(1)'],
    ['a javascript: link with a tab', 'link', 'java\tscript:alert(1)'],
    ['a relative link', 'link', '//evil.example/x'],
    ['a data: link', 'link', 'data:text/html,<script>alert(1)</script>'],
  ])('[K1] %s is not stored or served', async (_label, key, href) => {
    const sectionId = server.demo.sectionIds[6] ?? '';
    const name = sectionDocumentName(sectionId);
    const attacker = connectProvider(server.url, tokens.kommune, name);
    await attacker.synced();
    const reasons: string[] = [];
    attacker.provider.on('close', ({ event }: { event: { reason: string } }) => reasons.push(event.reason));
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Klikk', { [key]: { href, target: null, rel: null, class: null } });
    paragraph.insert(0, [text]);
    attacker.doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
    await waitFor(() => reasons.length > 0 || !attacker.provider.hasUnsyncedChanges);
    attacker.destroy();
    const served = await api(server.url, `/api/sections/${sectionId}/content`, { token: tokens.bruker });
    expect(served.status).toBe(200);
    expect(JSON.stringify(served.body)).not.toContain(href.slice(0, 6));
  });
});
