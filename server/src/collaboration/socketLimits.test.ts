import { CONTENT_FIELD } from '@fellesplan/editor';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { appendParagraph, connectProvider, useFixture, waitFor } from '../testing/index.js';

const LIMITS = {
  maxBytesBeforeAuth: 8 * 1024,
  authTimeoutMs: 1500,
  maxUnauthenticatedPerAddress: 3,
  maxDocumentsPerSocket: 4,
  maxConnectionsPerDocument: 2,
  maxBufferedBytes: 256 * 1024,
};
const f = useFixture({ socketLimits: LIMITS });

const wsUrl = () => `${f.url.replace('http', 'ws')}/collab`;

function openSocket(): Promise<WebSocket> {
  const ws = new WebSocket(wsUrl());
  return new Promise((resolve, reject) => ws.once('open', () => resolve(ws)).once('error', reject));
}

const closed = (ws: WebSocket) =>
  new Promise<void>((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve() : ws.once('close', () => resolve())));

function authFrame(documentName: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

describe('limits on collaboration sockets', () => {
  it('[RS1] a socket that sends more than a small budget before authenticating is closed', async () => {
    const ws = await openSocket();
    ws.on('error', () => undefined);
    ws.send(new Uint8Array(200 * 1024));
    await closed(ws);
  });

  it('[RS1] a socket that does not authenticate in time is closed; one that does stays open', async () => {
    const idle = await openSocket();
    const working = await openSocket();
    working.send(authFrame(f.section('Kunnskapsgrunnlag og utfordringsbilde').documentName, f.token('kommune')));
    await closed(idle);
    expect(working.readyState).toBe(WebSocket.OPEN);
    working.close();
  });

  it('[RS2] an address holds only a few sockets waiting to authenticate: the oldest gives way', async () => {
    const sockets = await Promise.all(Array.from({ length: LIMITS.maxUnauthenticatedPerAddress }, openSocket));
    const newest = await openSocket();
    await closed(sockets[0] as WebSocket);
    expect(sockets.slice(1).every((ws) => ws.readyState === WebSocket.OPEN)).toBe(true);
    expect(newest.readyState).toBe(WebSocket.OPEN);
    // A colleague behind the same address still gets in, and authenticated sockets never give way.
    const honest = connectProvider(
      f.url,
      f.token('kommune'),
      f.section('Kunnskapsgrunnlag og utfordringsbilde').documentName,
    );
    await honest.synced();
    const more = await Promise.all(Array.from({ length: LIMITS.maxUnauthenticatedPerAddress + 1 }, openSocket));
    expect(honest.provider.isSynced).toBe(true);
    honest.destroy();
    for (const ws of [...sockets, newest, ...more]) ws.terminate();
  });

  it('[RS2] a /yjs socket counts against the same per-address budget of waiting sockets', async () => {
    const sockets = await Promise.all(Array.from({ length: LIMITS.maxUnauthenticatedPerAddress }, openSocket));
    // The y-websocket socket waits like any other until its token is refused.
    const yjs = new WebSocket(`${f.url.replace('http', 'ws')}/yjs/section:finnesikke?token=ugyldig`);
    yjs.on('error', () => undefined);
    await closed(sockets[0] as WebSocket);
    expect(sockets.slice(1).every((ws) => ws.readyState === WebSocket.OPEN)).toBe(true);
    await closed(yjs);
    for (const ws of sockets) ws.terminate();
  });

  it('[RS3] one socket may open only so many documents, and one document only twice', async () => {
    const socket = new HocuspocusProviderWebsocket({ url: wsUrl(), WebSocketPolyfill: WebSocket, maxAttempts: 1 });
    const open = (documentName: string) =>
      new Promise<string>((resolve) => {
        const provider = new HocuspocusProvider({
          name: documentName,
          document: new Y.Doc(),
          token: f.token('kommune'),
          websocketProvider: socket,
          sessionAwareness: true,
          onAuthenticated: () => resolve('ok'),
          onAuthenticationFailed: ({ reason }) => resolve(reason),
        });
        provider.attach();
      });
    const same = f.section('Kunnskapsgrunnlag og utfordringsbilde').documentName;
    expect(await open(same)).toBe('ok');
    expect(await open(same)).toBe('ok');
    expect(await open(same)).toBe('too-many-documents');
    expect(await open(f.section('Samarbeidsstruktur og organisering').documentName)).toBe('ok');
    expect(await open(f.section('Barn og unge').documentName)).toBe('ok');
    expect(await open(f.section('Personer med alvorlige psykiske lidelser og rusproblemer').documentName)).toBe(
      'too-many-documents',
    );
    socket.destroy();
  });

  it('[RS4] a socket that stops reading is closed once its unsent data passes the limit', async () => {
    const plan = await f.plan();
    const name = plan.section('Skrøpelige eldre').documentName;
    const writer = connectProvider(f.url, f.token('kommune'), name);
    await writer.synced();
    // Log in first: the socket has only the short test deadline to authenticate.
    const reader = await f.server.login('bruker@demo.no');
    const slow = await openSocket();
    slow.send(authFrame(name, reader));
    const document = () => f.server.collaboration.hocuspocus.documents.get(name);
    await waitFor(() => document()?.getConnectionsCount() === 2);
    slow.pause(); // stops reading from the TCP socket: the server's send buffer fills up
    // Large paragraphs that are removed again: much traffic, while the section stays within its size limit.
    const body = writer.doc.getXmlFragment(CONTENT_FIELD);
    for (let i = 0; document()?.getConnectionsCount() === 2 && i < 400; i++) {
      appendParagraph(writer.doc, `${i} `.repeat(50_000));
      await waitFor(() => !writer.provider.hasUnsyncedChanges);
      body.delete(body.length - 1, 1);
      await waitFor(() => !writer.provider.hasUnsyncedChanges);
    }
    expect(document()?.getConnectionsCount()).toBe(1);
    expect(writer.provider.isSynced).toBe(true);
    writer.destroy();
    slow.terminate();
  });
});
