import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from './waitFor.js';

export interface TestYWebsocket {
  provider: WebsocketProvider;
  doc: Y.Doc;
  /** Reasons of the permission-denied messages the server sent, in order. */
  denied: string[];
  /** How the server closed the socket, each time it did. */
  closes: { code: number; reason: string }[];
  synced(): Promise<void>;
  destroy(): void;
}

const Y_AUTH_MESSAGE = 2;

/**
 * An unmodified y-websocket `WebsocketProvider` on `/yjs/<documentName>`, as any Yjs tool would
 * connect: the token in `params`. Nothing stops it from sending what the server must refuse.
 */
export function connectYWebsocket(
  url: string,
  token: string | null,
  documentName: string,
  doc: Y.Doc = new Y.Doc(),
): TestYWebsocket {
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, documentName, doc, {
    params: token === null ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Two providers of one room in one process would otherwise sync past the server.
    disableBc: true,
  });
  const denied: string[] = [];
  const closes: TestYWebsocket['closes'] = [];
  // y-websocket only logs a permission-denied message; its handler table is per provider, so
  // the test listens in (and still runs the package's own handler).
  const handleAuth = provider.messageHandlers[Y_AUTH_MESSAGE];
  provider.messageHandlers[Y_AUTH_MESSAGE] = (encoder, decoder, ...rest) => {
    const copy = decoding.clone(decoder);
    if (decoding.readVarUint(copy) === 0) denied.push(decoding.readVarString(copy));
    handleAuth?.(encoder, decoder, ...rest);
  };
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    provider,
    doc,
    denied,
    closes,
    synced: async () => {
      await waitFor(() => provider.synced);
    },
    destroy: () => provider.destroy(),
  };
}
