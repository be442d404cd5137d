import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { waitFor } from './waitFor.js';

export interface TestProvider {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Resolves with the scope the server granted, or rejects with its refusal reason. */
  ready: Promise<'read-write' | 'read-only'>;
  /** Resolves once the provider has synced; `timeout` for documents that take long to load. */
  synced(timeout?: number): Promise<void>;
  destroy(): void;
}

/**
 * A real `@hocuspocus/provider` over a real WebSocket, as a crafted client would use it:
 * nothing here stops it from sending updates the server must refuse.
 */
export function connectProvider(
  url: string,
  token: string | null,
  documentName: string,
  doc: Y.Doc = new Y.Doc(),
): TestProvider {
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  let resolveReady: (scope: 'read-write' | 'read-only') => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<'read-write' | 'read-only'>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Tests that expect a refusal still attach a handler; this keeps unhandled rejections away.
  ready.catch(() => undefined);
  const provider = new HocuspocusProvider({
    name: documentName,
    document: doc,
    token,
    websocketProvider,
    onAuthenticated: ({ scope }) => resolveReady(scope === 'readonly' ? 'read-only' : 'read-write'),
    onAuthenticationFailed: ({ reason }) => rejectReady(new Error(reason)),
  });
  provider.attach();
  return {
    provider,
    doc,
    ready,
    async synced(timeout) {
      await ready;
      await waitFor(() => provider.isSynced, timeout === undefined ? undefined : { timeout });
    },
    destroy() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** The reasons of every close of the provider's connection from now on, as the server gave them. */
export function closeReasons(client: TestProvider): string[] {
  const reasons: string[] = [];
  client.provider.on('close', ({ event }: { event: { reason: string } }) => reasons.push(event.reason));
  return reasons;
}
