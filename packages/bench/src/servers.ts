import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnCluster, type TestCluster } from '../../../server/src/testing/spawnCluster.js';
import { spawnServer, type SpawnedServer } from '../../../server/src/testing/spawnServer.js';
import { freePort } from '../../../server/src/testing/privateServices.js';
import { BARE_ENTRY, buildBare } from './builds.js';
import { READER_EMAILS, WRITER_EMAILS } from './seed.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A server under test: a process whose CPU and memory we read, and the socket URL of it. */
export interface ServerProcess {
  name: 'fellesplan' | 'bare';
  pid: number;
  /** Collaboration WebSocket URL. */
  wsUrl: string;
  /** HTTP origin (Fellesplan only). */
  base?: string;
  /** Where its inspector listens once opened (`memoryAfterGc`); cluster instances have none. */
  inspectPort?: number;
  /** Session tokens of the demo writers (kommune, hf) and readers (fastlege, bruker). */
  writerTokens: string[];
  readerTokens: string[];
  stop(): Promise<void>;
}

/** The baseline: stock Hocuspocus in its own process (`bareServer.ts`, compiled as the server is). */
export async function startBare(): Promise<ServerProcess> {
  await buildBare();
  const inspectPort = await freePort();
  const child: ChildProcess = fork(BARE_ENTRY, [], {
    // Not the bench's own flags: it runs under tsx, which the baseline must not pay for. The
    // inspector port only says where the inspector listens if a measurement opens it.
    execArgv: [`--inspect-port=127.0.0.1:${inspectPort}`],
    cwd: path.join(here, '..'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`bare Hocuspocus exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    name: 'bare',
    pid: child.pid ?? 0,
    wsUrl: `ws://127.0.0.1:${port}`,
    inspectPort,
    // Stock Hocuspocus authenticates nobody; the provider sends a token all the same.
    writerTokens: ['none'],
    readerTokens: ['none'],
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  });
  if (!response.ok) throw new Error(`login of ${email} failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export async function demoTokens(base: string) {
  return {
    writerTokens: await Promise.all(WRITER_EMAILS.map((email) => login(base, email))),
    readerTokens: await Promise.all(READER_EMAILS.map((email) => login(base, email))),
  };
}

function fromSpawned(
  spawned: SpawnedServer,
  tokens: { writerTokens: string[]; readerTokens: string[] },
  stop: () => Promise<void>,
): ServerProcess {
  return {
    name: 'fellesplan',
    pid: spawned.process.pid ?? 0,
    wsUrl: `${spawned.url.replace(/^http/, 'ws')}/collab`,
    base: spawned.url,
    ...tokens,
    stop,
  };
}

/**
 * Fellesplan as `npm start` runs it (`server/src/main.ts` in its own process, SQLite in a data
 * dir of its own, demo seeded). `dataDir` reuses one (a restart); `env` adds to the environment.
 */
export async function startFellesplan(
  options: { dataDir?: string; env?: Record<string, string>; keepData?: boolean } = {},
): Promise<ServerProcess & { dataDir: string }> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'fellesplan-bench-'));
  const inspectPort = await freePort();
  const nodeOptions = [process.env.NODE_OPTIONS, `--inspect-port=127.0.0.1:${inspectPort}`].filter(Boolean).join(' ');
  const spawned = await spawnServer(dataDir, { NODE_OPTIONS: nodeOptions, ...options.env }, { timeout: 60_000 });
  reportUnexpectedExit(spawned);
  const tokens = await demoTokens(spawned.url);
  return {
    ...fromSpawned(spawned, tokens, async () => {
      await spawned.stop();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    }),
    inspectPort,
    dataDir,
  };
}

/** A server that dies during the bench says why on stderr (its own output is otherwise kept in memory). */
function reportUnexpectedExit(spawned: SpawnedServer): void {
  spawned.process.once('exit', (code, signal) => {
    if (code === 0 || signal === 'SIGTERM') return;
    process.stderr.write(
      `Fellesplan (pid ${spawned.process.pid}) exited: ${code ?? signal}\n${spawned.output().slice(-4000)}\n`,
    );
  });
}

/** Two instances on one PostgreSQL schema and one Redis (a REDIS_PREFIX of this run alone). */
export async function startCluster(): Promise<{ cluster: TestCluster; instances: ServerProcess[] }> {
  const cluster = await spawnCluster(2);
  const first = cluster.instances[0];
  if (!first) throw new Error('no instance');
  const tokens = await demoTokens(first.url);
  cluster.instances.forEach(reportUnexpectedExit);
  const instances = cluster.instances.map((instance) => fromSpawned(instance, tokens, () => instance.stop()));
  return { cluster, instances };
}

/** A server's /metrics text, scraped once (a scrape restarts prom-client's event-loop histogram). */
export async function scrapeMetrics(base: string): Promise<string> {
  return (await fetch(`${base}/metrics`)).text();
}

/** One sample of a Prometheus series in scraped text: `labels` as written there, e.g. `{operation="compact"}`. */
export function metricFrom(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return Number(line?.split(' ').at(-1) ?? Number.NaN);
}

export async function metricValue(base: string, name: string, labels = ''): Promise<number> {
  return metricFrom(await scrapeMetrics(base), name, labels);
}
