import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** The Yjs field a section body lives in (the editor's CONTENT_FIELD). */
export const CONTENT_FIELD = 'content';

/**
 * A `ws` WebSocket bound to a loopback source address from `addresses`, round robin: the
 * server caps sockets (and unauthenticated sockets) per address, as a real deployment sees many
 * people behind many addresses. Only 127.0.0.0/8 is ever used.
 */
export type WebSocketClass = new (url: string | URL, protocols?: string | string[]) => WebSocket;

export function boundWebSocketClass(addresses: readonly string[]): WebSocketClass {
  let next = 0;
  for (const address of addresses) {
    if (!address.startsWith('127.')) throw new Error(`not a loopback address: ${address}`);
  }
  return class BoundWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const localAddress = addresses[next++ % addresses.length];
      super(url, protocols, { localAddress });
    }
  };
}

export interface Connected {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Connect, authenticate and first sync, in ms. */
  connectMs: number;
}

/** One socket and one provider on `documentName`; resolves when synced. */
export async function connectOne(
  url: string,
  documentName: string,
  token: string,
  WebSocketClass: WebSocketClass,
  timeoutMs = 30_000,
): Promise<Connected> {
  const started = performance.now();
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocketClass, maxAttempts: 1 });
  const provider = new HocuspocusProvider({ name: documentName, document: doc, token, websocketProvider: socket });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sync of ${documentName} timed out`)), timeoutMs);
      provider.on('synced', () => {
        clearTimeout(timer);
        resolve();
      });
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
        clearTimeout(timer);
        reject(new Error(`authentication failed on ${documentName}: ${reason}`));
      });
      provider.attach();
    });
  } catch (error) {
    provider.destroy();
    socket.destroy();
    doc.destroy();
    throw error;
  }
  return { doc, provider, socket, connectMs: performance.now() - started };
}

export function disconnect(client: Pick<Connected, 'doc' | 'provider' | 'socket'>): void {
  client.provider.destroy();
  client.socket.destroy();
  client.doc.destroy();
}

/** Runs `work` over `items` with at most `limit` at a time; results in input order. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Wall clock with sub-millisecond resolution, comparable between processes on this machine. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
