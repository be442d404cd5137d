import { CONTENT_FIELD } from '@fellesplan/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CollabClient, type CollabDocument } from './CollabClient.js';

/*
 * The leave warning (CollabContext: beforeunload asks while `unsynced > 0`) must count only edits
 * the user made that the server has not acknowledged. The provider's own count also holds its
 * handshake: from the moment a document starts to sync until the server acknowledges the client's
 * state it is 1, on a page nobody touched. With editors mounting late (when a section comes near
 * the viewport, or when the browser is idle) a tab closed in that moment asked before closing.
 * These tests talk to a scripted server over a fake socket, in Hocuspocus's wire format.
 */

const SYNC = 0;
const AUTH = 2;
const SYNC_STATUS = 8;
const [STEP1, STEP2, UPDATE] = [0, 1, 2];
const AUTHENTICATED = 2;

function varUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 127) {
    out.push((rest & 127) | 128);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

function bytes(out: number[], data: Uint8Array): void {
  varUint(out, data.length);
  out.push(...data);
}

function text(out: number[], value: string): void {
  bytes(out, new TextEncoder().encode(value));
}

class Reader {
  private at = 0;
  constructor(private readonly data: Uint8Array) {}
  varUint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.data[this.at++] ?? 0;
      value += (byte & 127) * scale;
      if (byte < 128) return value;
      scale *= 128;
    }
  }
  text(): string {
    const length = this.varUint();
    const value = new TextDecoder().decode(this.data.subarray(this.at, this.at + length));
    this.at += length;
    return value;
  }
}

/** The browser's WebSocket, as far as the provider uses it; the test plays the server's part. */
class FakeSocket extends EventTarget {
  static current: FakeSocket | null = null;
  readyState = 0;
  binaryType = 'arraybuffer';
  identifier = 0;
  /** Routing key and sync message type of what the client sent, in order. */
  readonly received: { key: string; type: number; sync: number | null }[] = [];

  constructor(readonly url: string) {
    super();
    FakeSocket.current = this;
    queueMicrotask(() => {
      this.readyState = 1;
      this.dispatchEvent(new Event('open'));
    });
  }

  send(data: Uint8Array): void {
    const reader = new Reader(new Uint8Array(data));
    const key = reader.text();
    const type = reader.varUint();
    this.received.push({ key, type, sync: type === SYNC ? reader.varUint() : null });
  }

  close(): void {
    this.readyState = 3;
  }

  /** Sends the client one message addressed to the document with this routing key. */
  deliver(key: string, write: (out: number[]) => void): void {
    const out: number[] = [];
    text(out, key);
    write(out);
    const event = new Event('message');
    Object.defineProperty(event, 'data', { value: new Uint8Array(out).buffer });
    this.dispatchEvent(event);
  }
}

function socket(): FakeSocket {
  if (!FakeSocket.current) throw new Error('no socket opened');
  return FakeSocket.current;
}

/** The server's copy of the section: some text the client gets on its first sync. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Vi skal samarbeide.')]);
  doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  return doc;
}

/** Waits for the client's token, then grants a writable connection and sends the server's state. */
async function authenticateAndSync(name: string, server: Y.Doc): Promise<string> {
  await vi.waitFor(() => expect(socket().received.some((m) => m.type === AUTH && m.key.startsWith(name))).toBe(true));
  const key = socket().received.find((m) => m.type === AUTH && m.key.startsWith(name))?.key ?? '';
  socket().deliver(key, (out) => {
    varUint(out, AUTH);
    varUint(out, AUTHENTICATED);
    text(out, 'read-write');
  });
  await vi.waitFor(() => expect(socket().received.some((m) => m.key === key && m.sync === STEP1)).toBe(true));
  socket().deliver(key, (out) => {
    varUint(out, SYNC);
    varUint(out, STEP2);
    bytes(out, Y.encodeStateAsUpdate(server));
  });
  // The server asks for what the client has; the client's answer is what it must acknowledge.
  socket().deliver(key, (out) => {
    varUint(out, SYNC);
    varUint(out, STEP1);
    bytes(out, Y.encodeStateVector(server));
  });
  return key;
}

/** The server has applied one more of the client's messages (Hocuspocus answers them in order). */
function acknowledge(key: string): void {
  socket().deliver(key, (out) => {
    varUint(out, SYNC_STATUS);
    varUint(out, 1);
  });
}

/** A change to the text, as the editor's binding writes it into the shared document. */
function type(document: CollabDocument, words: string): void {
  document.doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(words)]);
    const fragment = document.doc.getXmlFragment(CONTENT_FIELD);
    fragment.insert(fragment.length, [paragraph]);
  }, 'editor');
}

describe('CollabClient: what makes leaving ask', () => {
  let client: CollabClient;

  beforeEach(() => {
    vi.stubGlobal('WebSocket', FakeSocket);
    client = new CollabClient('ws://fellesplan.test/collab');
  });

  afterEach(() => {
    client.destroy();
    FakeSocket.current = null;
    vi.unstubAllGlobals();
  });

  it('a document in its first sync is not an edit: an untouched page does not ask', async () => {
    const document = client.open('section:a');
    const key = await authenticateAndSync('section:a', serverDoc());
    await vi.waitFor(() => expect(socket().received.some((m) => m.key === key && m.sync === STEP2)).toBe(true));
    expect(document.synced).toBe(true);
    expect(document.scope).toBe('read-write');
    // The handshake is still unacknowledged, as it is when a late editor mounts just before closing.
    expect(document.provider.unsyncedChanges).toBe(1);
    expect(client.getSnapshot().unsynced).toBe(0);
    acknowledge(key);
    expect(client.getSnapshot().unsynced).toBe(0);
  });

  it('what the editor writes by itself, without the user, does not make leaving ask', async () => {
    const document = client.open('section:a');
    const key = await authenticateAndSync('section:a', serverDoc());
    acknowledge(key);
    type(document, 'Normalisert av editoren.');
    expect(document.provider.unsyncedChanges).toBe(1);
    expect(client.getSnapshot().unsynced).toBe(0);
  });

  it('an edit by the user asks until the server has acknowledged it', async () => {
    const document = client.open('section:a');
    const key = await authenticateAndSync('section:a', serverDoc());
    acknowledge(key);
    type(document, 'Ulagret tekst.');
    document.userEdited();
    expect(socket().received.filter((m) => m.key === key && m.sync === UPDATE)).toHaveLength(1);
    expect(client.getSnapshot().unsynced).toBe(1);
    acknowledge(key);
    expect(client.getSnapshot().unsynced).toBe(0);
  });

  it('an edit made during the first sync asks until everything sent is acknowledged', async () => {
    const document = client.open('section:a');
    const other = client.open('section:b');
    const key = await authenticateAndSync('section:a', serverDoc());
    const otherKey = await authenticateAndSync('section:b', serverDoc());
    type(document, 'Skrevet tidlig.');
    document.userEdited();
    expect(client.getSnapshot().unsynced).toBe(2);
    acknowledge(key); // the handshake
    expect(client.getSnapshot().unsynced).toBe(1);
    // Another document's acknowledgement confirms nothing of this one.
    acknowledge(otherKey);
    expect(other.provider.unsyncedChanges).toBe(0);
    expect(client.getSnapshot().unsynced).toBe(1);
    acknowledge(key); // the edit
    expect(client.getSnapshot().unsynced).toBe(0);
  });

  it('after an acknowledged edit, a later edit asks again', async () => {
    const document = client.open('section:a');
    const key = await authenticateAndSync('section:a', serverDoc());
    acknowledge(key);
    type(document, 'Første.');
    document.userEdited();
    acknowledge(key);
    expect(client.getSnapshot().unsynced).toBe(0);
    type(document, 'Andre.');
    document.userEdited();
    expect(client.getSnapshot().unsynced).toBe(1);
  });
});
