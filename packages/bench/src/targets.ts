import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from '@hocuspocus/server';
import { SERVER_ENTRY } from '../../../server/src/build/buildServer.js';
import { useServerBuild } from './builds.js';

/** Something providers can connect to: its socket URL, how to get a token, which document. */
export interface Target {
  name: string;
  url: string;
  documentName: string;
  /** The HTTP origin, for benches that drive a browser. */
  base?: string;
  token(user: number): Promise<string>;
  stop(): Promise<void>;
}

/** The baseline: stock Hocuspocus with no auth, ownership, persistence or projection. */
export async function startBaseline(): Promise<Target> {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
  await server.listen();
  return {
    name: 'baseline (bare Hocuspocus)',
    url: `ws://127.0.0.1:${server.address.port}`,
    documentName: 'bench',
    token: () => Promise.resolve('none'),
    stop: () => server.destroy(),
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WRITERS = ['kommune@demo.no', 'hf@demo.no'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Fellesplan as users run it: its own process (the build `npm start` runs), SQLite in a temp
 * dir, demo data, authentication, ownership checks, persistence and the plan projection.
 */
export async function startFellesplan(options: { serveClient?: boolean; clientDist?: string } = {}): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-bench-'));
  const port = await freePort();
  await useServerBuild();
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FELLESPLAN_DEMO: '1',
      LOG_LEVEL: 'warn',
      // The built client (client/dist) only for the browser bench; the socket benches need none.
      CLIENT_DIST: options.serveClient ? (options.clientDist ?? path.join(root, 'client/dist')) : '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('Fellesplan did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const login = async (email: string) => {
    const response = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'demo' }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  const tokens = await Promise.all(WRITERS.map(login));
  const first = tokens[0] ?? '';
  const plans = (await (
    await fetch(`${base}/api/plans`, { headers: { authorization: `Bearer ${first}` } })
  ).json()) as { id: string }[];
  const plan = (await (
    await fetch(`${base}/api/plans/${plans[0]?.id}`, { headers: { authorization: `Bearer ${first}` } })
  ).json()) as {
    sections: { id: string }[];
  };
  // Section 3 is owned by kommune and HF: every benchmark client may write.
  const sectionId = plan.sections[2]?.id ?? '';
  return {
    name: 'Fellesplan',
    url: `ws://127.0.0.1:${port}/collab`,
    documentName: `section:${sectionId}`,
    base,
    token: (user) => Promise.resolve(tokens[user % tokens.length] ?? first),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
