import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Target } from './targets.js';

export interface LatencyResult {
  target: string;
  clients: number;
  edits: number;
  /** Time from an edit on one client until every other client has it, in ms. */
  p50: number;
  p95: number;
  /** Time to connect, authenticate and sync one client, in ms. */
  connectP50: number;
}

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
}

async function connect(target: Target, user: number): Promise<{ client: Client; ms: number }> {
  const started = performance.now();
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: target.url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const token = await target.token(user);
  const provider = new HocuspocusProvider({
    name: target.documentName,
    document: doc,
    token,
    websocketProvider: socket,
  });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sync timeout')), 15_000);
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { client: { doc, provider, socket }, ms: performance.now() - started };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * N clients on one document; they take turns appending a numbered edit; each edit's latency is
 * how long until all other clients hold it. Bounded in count and time; loopback only.
 */
export async function measureLatency(target: Target, clients: number, edits: number): Promise<LatencyResult> {
  const connected = [];
  for (let i = 0; i < clients; i++) connected.push(await connect(target, i));
  const all = connected.map((c) => c.client);
  const latencies: number[] = [];
  for (let n = 0; n < edits; n++) {
    const writer = all[n % all.length];
    if (!writer) break;
    const marker = `e${n};`;
    const others = all.filter((c) => c !== writer);
    const started = performance.now();
    const received = Promise.all(
      others.map(
        (c) =>
          new Promise<void>((resolve, reject) => {
            const body = c.doc.getXmlFragment('content');
            const timer = setTimeout(() => reject(new Error(`edit ${n} not received`)), 10_000);
            const check = () => {
              if (body.toString().includes(marker)) {
                clearTimeout(timer);
                body.unobserveDeep(check);
                resolve();
              }
            };
            body.observeDeep(check);
            check();
          }),
      ),
    );
    // An edit as the editor makes it: a paragraph in the section body (anything else is refused).
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(marker)]);
    writer.doc.getXmlFragment('content').push([paragraph]);
    await received;
    latencies.push(performance.now() - started);
  }
  for (const c of all) {
    c.provider.destroy();
    c.socket.destroy();
  }
  return {
    target: target.name,
    clients,
    edits,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    connectP50: percentile(
      connected.map((c) => c.ms),
      50,
    ),
  };
}
