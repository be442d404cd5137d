import { loadavg } from 'node:os';
import { cpuSeconds, percentile, round, runQueueWaitSeconds, writtenBytes } from './proc.js';
import { now } from './clients.js';
import type { ServerProcess } from './servers.js';
import type { Worker } from './workers.js';
import type { ConnectionSpec } from './workerProtocol.js';

/** Writers and readers per section, in turn: each section has 2–4 writers and up to 20 readers. */
const WRITERS_PER_SECTION = [2, 3, 4];
const READERS_PER_SECTION = [0, 2, 5, 20];

export interface TypingLayout {
  editors: number;
  sections: number;
  readers: number;
  /** Per server instance, the connections each worker opens there. */
  connections: ConnectionSpec[];
}

/**
 * `editors` writers over the sections in order (2–4 per section), plus readers. Writers hold
 * the tokens of owning parties, readers those of parties that may only read.
 */
export function typingLayout(
  editors: number,
  documentNames: string[],
  tokens: { writerTokens: string[]; readerTokens: string[] },
): TypingLayout {
  const connections: ConnectionSpec[] = [];
  let writer = 0;
  let section = 0;
  let readers = 0;
  while (writer < editors) {
    const documentName = documentNames[section % documentNames.length];
    if (!documentName) throw new Error('no sections');
    const writers = Math.min(WRITERS_PER_SECTION[section % WRITERS_PER_SECTION.length] ?? 2, editors - writer);
    for (let i = 0; i < writers; i++, writer++) {
      connections.push({ documentName, token: tokens.writerTokens[writer % tokens.writerTokens.length] ?? '', writer });
    }
    const sectionReaders = READERS_PER_SECTION[section % READERS_PER_SECTION.length] ?? 0;
    for (let i = 0; i < sectionReaders; i++, readers++) {
      connections.push({
        documentName,
        token: tokens.readerTokens[readers % tokens.readerTokens.length] ?? '',
        writer: null,
      });
    }
    section += 1;
  }
  return { editors, sections: section, readers, connections };
}

export interface TypingResult {
  target: string;
  editors: number;
  sections: number;
  readers: number;
  connectFailures: number;
  connectP50Ms: number | null;
  /** Keystrokes typed in the measured window. */
  edits: number;
  /** Deliveries of those keystrokes to peers that arrived, and that were expected. */
  delivered: number;
  expected: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  serverCpuSeconds: number;
  /** Server CPU over the window divided by its length: how many cores the server kept busy. */
  serverCores: number | null;
  /** The machine's 1-minute load average at the end of the round (others' work included). */
  loadAverage: number | null;
  /** Seconds the server's event loop thread waited for a CPU per second of the window. */
  runQueueWaitShare: number | null;
  /** Bytes the server wrote to storage per keystroke. */
  writtenBytesPerEdit: number | null;
  /** Store commits of appended edits in the round (Fellesplan), and their mean duration. */
  appendCommits?: number;
  appendMeanMs?: number | null;
  /** The server's event-loop delay over the round (Fellesplan, from its /metrics). */
  eventLoopLagP99Ms?: number | null;
  eventLoopLagMaxMs?: number | null;
  /** Server CPU per keystroke, in microseconds. */
  cpuPerEditUs: number | null;
  compactions?: number;
  /** How long the compactions were counted over (the scrapes before and after the round). */
  compactionWindowMs?: number;
  documentsEdited?: number;
  windowMs: number;
}

export interface TypingOptions {
  warmupMs: number;
  measureMs: number;
  intervalMs: number;
  /** The server processes whose CPU counts (two for the cluster). */
  servers: ServerProcess[];
  /** Which server each connection goes to (the cluster spreads each section's peers over both). */
  serverOf?: (index: number) => number;
}

/** One round: connect everything, type for warm-up plus the measured window, close. */
export async function typingRound(
  layout: TypingLayout,
  workers: Worker[],
  options: TypingOptions,
): Promise<TypingResult> {
  const serverOf = options.serverOf ?? (() => 0);
  const perWorker = workers.map(() => new Map<number, ConnectionSpec[]>());
  layout.connections.forEach((spec, index) => {
    const byServer = perWorker[index % workers.length];
    const server = serverOf(index);
    byServer?.set(server, [...(byServer.get(server) ?? []), spec]);
  });
  const connectMs: number[] = [];
  let connectFailures = 0;
  await Promise.all(
    workers.map(async (worker, w) => {
      for (const [server, connections] of perWorker[w] ?? []) {
        const url = options.servers[server]?.wsUrl ?? '';
        const reply = await worker.request(
          { kind: 'connect', url, addresses: worker.addresses, connections, concurrency: 12 },
          'connected',
        );
        connectMs.push(...reply.connectMs);
        connectFailures += reply.failures;
        if (reply.firstError) process.stderr.write(`connect: ${reply.firstError}\n`);
      }
    }),
  );
  const startAt = now() + 300;
  const measureFrom = startAt + options.warmupMs;
  const stopAt = measureFrom + options.measureMs;
  const sample = () => ({
    cpu: options.servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0),
    wait: options.servers.reduce((sum, s) => sum + runQueueWaitSeconds(s.pid), 0),
    written: options.servers.reduce((sum, s) => sum + writtenBytes(s.pid), 0),
  });
  let first = sample();
  let last = first;
  const sampled = Promise.all([
    new Promise<void>((resolve) => setTimeout(() => ((first = sample()), resolve()), measureFrom - now())),
    new Promise<void>((resolve) => setTimeout(() => ((last = sample()), resolve()), stopAt - now())),
  ]);
  const replies = await Promise.all(
    workers.map((worker) =>
      worker.request({ kind: 'type', startAt, stopAt, intervalMs: options.intervalMs, graceMs: 2000 }, 'typed'),
    ),
  );
  await sampled;
  await Promise.all(workers.map((worker) => worker.request({ kind: 'close' }, 'closed')));

  const sent = new Map<number, Float64Array>();
  for (const reply of replies) for (const { writer, times } of reply.sent) sent.set(writer, times);
  let edits = 0;
  for (const times of sent.values()) for (const t of times) if (t >= measureFrom && t < stopAt) edits += 1;
  const latencies: number[] = [];
  for (const { arrivals } of replies) {
    for (let i = 0; i + 2 < arrivals.length; i += 3) {
      const typedAt = sent.get(arrivals[i] ?? -1)?.[(arrivals[i + 1] ?? 0) - 1];
      if (typedAt !== undefined && typedAt >= measureFrom && typedAt < stopAt)
        latencies.push((arrivals[i + 2] ?? 0) - typedAt);
    }
  }
  // Every keystroke should reach every other connection on its section.
  const peersOf = new Map<string, number>();
  for (const spec of layout.connections) peersOf.set(spec.documentName, (peersOf.get(spec.documentName) ?? 0) + 1);
  const docOfWriter = new Map<number, string>();
  for (const spec of layout.connections) if (spec.writer !== null) docOfWriter.set(spec.writer, spec.documentName);
  let expected = 0;
  for (const [writer, times] of sent) {
    const inWindow = [...times].filter((t) => t >= measureFrom && t < stopAt).length;
    expected += inWindow * ((peersOf.get(docOfWriter.get(writer) ?? '') ?? 1) - 1);
  }
  const cpuUsed = last.cpu - first.cpu;
  return {
    target: options.servers[0]?.name ?? '',
    editors: layout.editors,
    sections: layout.sections,
    readers: layout.readers,
    connectFailures,
    connectP50Ms: round(percentile(connectMs, 50), 1),
    edits,
    delivered: latencies.length,
    expected,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(percentile(latencies, 100)),
    serverCpuSeconds: round(cpuUsed, 2) ?? 0,
    serverCores: round(cpuUsed / (options.measureMs / 1000), 2),
    loadAverage: round(loadavg()[0] ?? Number.NaN, 2),
    runQueueWaitShare: round((last.wait - first.wait) / (options.measureMs / 1000), 2),
    writtenBytesPerEdit: edits > 0 ? round((last.written - first.written) / edits, 0) : null,
    cpuPerEditUs: edits > 0 ? round((cpuUsed / edits) * 1e6, 0) : null,
    windowMs: options.measureMs,
  };
}
