import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sectionDocumentName } from '@fellesplan/domain';
import { MAX_DEBOUNCE_FACTOR, STORE_DEBOUNCE_MS } from '../../../server/src/config.js';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { useServerBuild } from './builds.js';
import { measureDurableAppend } from './disk.js';
import { boundWebSocketClass, connectOne, CONTENT_FIELD, disconnect } from './clients.js';
import { openAllSections, pageInteractive } from './open.js';
import { memoryAfterGc } from './memoryAfterGc.js';
import { median, percentile, round, rssBytes } from './proc.js';
import { renderReport, type Report } from './report.js';
import { paragraphs, seedPlans } from './seed.js';
import {
  metricFrom,
  metricValue,
  scrapeMetrics,
  startBare,
  startCluster,
  startFellesplan,
  type ServerProcess,
} from './servers.js';
import { typingLayout, typingRound, type TypingResult } from './typing.js';
import { startWorkers, type Worker } from './workers.js';

/**
 * `pnpm bench`: every scenario against Fellesplan (real server processes) and against bare
 * Hocuspocus (its own process) in the same run, rounds alternating, clients in worker processes.
 * BENCH_QUICK=1 is a short smoke run of the same code (smaller counts, shorter windows).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const QUICK = process.env.BENCH_QUICK === '1';
const env = (name: string, full: number, quick: number) => Number(process.env[name] ?? (QUICK ? quick : full));
const EDITOR_COUNTS = (process.env.BENCH_EDITORS ?? (QUICK ? '20,50' : '50,200,500')).split(',').map(Number);
const ROUNDS = env('BENCH_ROUNDS', 2, 1);
const WARMUP_MS = env('BENCH_WARMUP_MS', 2000, 1000);
const MEASURE_MS = env('BENCH_MEASURE_MS', 6000, 2000);
const OPEN_RUNS = env('BENCH_OPEN_RUNS', 7, 2);
const IDLE_PLANS = env('BENCH_IDLE_PLANS', 1000, 50);
const IDLE_LOADS = env('BENCH_IDLE_LOADS', 300, 30);
// 100,000 cycles take six to nine minutes here (200–270 a second): more than the whole bench may
// take. The default is what fits; BENCH_CHURN=100000 runs the count on its own budget.
const CHURN_CYCLES = env('BENCH_CHURN', 10_000, 2000);
const WORKERS = env('BENCH_WORKERS', 2, 2);
const INTERVAL_MS = 200; // 5 characters per second per editor
const PLANS = 20;
const SECTIONS = 14;
const started = Date.now();
const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

function machine() {
  const model = cpus()[0]?.model ?? 'unknown';
  let os = '';
  try {
    os = execFileSync('uname', ['-sr']).toString().trim();
  } catch {
    os = process.platform;
  }
  return {
    nproc: cpus().length,
    cpu: model,
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    os,
    loadAverageAtStart: loadavg().map((n) => round(n, 2)),
  };
}

/** Keeps a 200 KB body in the bare server's memory (it stores nothing) while the scenario runs. */
async function holdBigBody(server: ServerProcess, documentName: string, text: string) {
  const client = await connectOne(server.wsUrl, documentName, 'none', WebSocket);
  const fragment = client.doc.getXmlFragment(CONTENT_FIELD);
  client.doc.transact(() => {
    for (const line of text.split('\n\n')) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      fragment.push([paragraph]);
    }
  });
  // Synced once the server has acknowledged every change.
  await new Promise<void>((resolve) => {
    const check = () => (client.provider.hasUnsyncedChanges ? setTimeout(check, 20) : resolve());
    check();
  });
  return client;
}

async function loadTimes(server: ServerProcess, documentNames: string[], loads: number, token: string) {
  const WebSocketClass = boundWebSocketClass(['127.0.9.1', '127.0.9.2']);
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const name = documentNames[Math.floor(Math.random() * documentNames.length)] ?? '';
    const client = await connectOne(server.wsUrl, name, token, WebSocketClass);
    times.push(client.connectMs);
    disconnect(client);
  }
  return times;
}

/** Connect/disconnect cycles from the workers; the server's RSS before, during and after. */
async function churn(server: ServerProcess, workers: Worker[], documentNames: string[], token: string) {
  const heap = async () => (server.base ? mb(await metricValue(server.base, 'nodejs_heap_size_used_bytes')) : null);
  const retained = () => (server.inspectPort ? memoryAfterGc(server.pid, server.inspectPort) : Promise.resolve(null));
  const retainedBefore = await retained();
  const heapBefore = await heap();
  const rss = [{ done: 0, mb: mb(rssBytes(server.pid)) }];
  let done = 0;
  const sampler = setInterval(() => rss.push({ done, mb: mb(rssBytes(server.pid)) }), 2000);
  const perWorker = Math.ceil(CHURN_CYCLES / workers.length);
  const progress = workers.map(() => 0);
  workers.forEach((worker, i) => {
    worker.onProgress = (n) => {
      progress[i] = n;
      done = progress.reduce((a, b) => a + b, 0);
    };
  });
  const replies = await Promise.all(
    workers.map((worker) =>
      worker.request(
        {
          kind: 'churn',
          url: server.wsUrl,
          addresses: worker.addresses,
          documents: documentNames.map((documentName) => ({ documentName, token })),
          cycles: perWorker,
          concurrency: 8,
        },
        'churned',
      ),
    ),
  );
  clearInterval(sampler);
  // What stays once the sockets are gone and the documents unloaded.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  rss.push({ done: perWorker * workers.length, mb: mb(rssBytes(server.pid)) });
  const ms = Math.max(...replies.map((r) => r.ms));
  const first = rss[1]?.mb ?? rss[0]?.mb ?? 0;
  const last = rss.at(-1)?.mb ?? 0;
  return {
    cycles: perWorker * workers.length,
    failures: replies.reduce((sum, r) => sum + r.failures, 0),
    firstError: replies.find((r) => r.firstError)?.firstError,
    seconds: round(ms / 1000, 1),
    cyclesPerSecond: round((perWorker * workers.length) / (ms / 1000), 0),
    rssStartMb: rss[0]?.mb ?? null,
    rssAfterMb: last,
    /** Growth from the first sample under load to the end, as the flatness measure. */
    rssGrowthMb: round(last - first, 1),
    heapUsedBeforeMb: heapBefore,
    heapUsedAfterMb: await heap(),
    // Last: the collection it forces would change what the samples above read.
    retainedBefore,
    retainedAfter: await retained(),
    samples: rss,
  };
}

const report: Report = {
  at: new Date().toISOString(),
  command: QUICK ? 'BENCH_QUICK=1 pnpm bench' : 'pnpm bench',
  quick: QUICK,
  machine: machine(),
  // Before any server runs, so the servers' own writes are not in it.
  disk: measureDurableAppend(tmpdir()),
  settings: {
    editorCounts: EDITOR_COUNTS,
    rounds: ROUNDS,
    warmupMs: WARMUP_MS,
    measureMs: MEASURE_MS,
    charactersPerSecond: 1000 / INTERVAL_MS,
    workers: WORKERS,
    plans: PLANS,
    sectionsPerPlan: SECTIONS,
  },
  typing: [],
  scaleOut: null,
  open: null,
  big: null,
  idle: null,
  churn: null,
  compaction: null,
  errors: [],
  seconds: 0,
};

/** BENCH_ONLY=typing,open runs only those scenarios (for looking into one); the report says so. */
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());

async function scenario(name: string, run: () => Promise<void>) {
  if (ONLY && !ONLY.includes(name)) {
    report.errors.push({ scenario: name, message: 'not run (BENCH_ONLY)' });
    return;
  }
  log(`${name}: start`);
  try {
    await run();
    log(`${name}: done`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${name}: FAILED ${message}`);
    report.errors.push({ scenario: name, message: message.split('\n')[0] ?? message });
  }
}

await useServerBuild();
const workers = await startWorkers(WORKERS);
const bare = await startBare();
const ours = await startFellesplan();
log(`servers up: Fellesplan pid ${ours.pid}, bare pid ${bare.pid}`);
const plans = await seedPlans({ dataDir: ours.dataDir }, [
  ...Array.from({ length: PLANS }, (_, i) => ({
    title: `Benk ${i + 1}`,
    sectionBytes: Array.from({ length: SECTIONS }, () => 1500),
  })),
  { title: 'Benk 60', sectionBytes: Array.from({ length: 60 }, () => 1500) },
  { title: 'Benk stor', sectionBytes: [200 * 1024] },
]);
const typingPlans = plans.slice(0, PLANS);
const plan60 = plans[PLANS];
const bigPlan = plans[PLANS + 1];
// Sections in round-robin over the plans, so 50 editors already touch many plans.
const typingDocs: string[] = [];
for (let s = 0; s < SECTIONS; s++)
  for (const plan of typingPlans) typingDocs.push(sectionDocumentName(plan.sectionIds[s] ?? ''));
log(`seeded ${plans.length} plans`);

/** Store writes so far, from /metrics; a series appears with its first write: none yet reads as zero. */
async function storeCounts(server: ServerProcess) {
  const text = await scrapeMetrics(server.base ?? '');
  const read = (name: string, operation: string) => metricFrom(text, name, `{operation="${operation}"}`) || 0;
  return {
    compactions: read('fellesplan_store_duration_seconds_count', 'compact'),
    appends: read('fellesplan_store_duration_seconds_count', 'append'),
    appendSeconds: read('fellesplan_store_duration_seconds_sum', 'append'),
    // prom-client's event-loop delay histogram restarts at each scrape: this one covers the round.
    loopLagP99Ms: metricFrom(text, 'nodejs_eventloop_lag_p99_seconds') * 1000,
    loopLagMaxMs: metricFrom(text, 'nodejs_eventloop_lag_max_seconds') * 1000,
  };
}

await scenario('typing', async () => {
  for (const editors of EDITOR_COUNTS) {
    for (let r = 0; r < ROUNDS; r++) {
      for (const server of [ours, bare]) {
        const layout = typingLayout(editors, typingDocs, server);
        const before = server === ours ? await storeCounts(ours) : null;
        const countedFrom = Date.now();
        const result: TypingResult & { round: number } = {
          ...(await typingRound(layout, workers, {
            warmupMs: WARMUP_MS,
            measureMs: MEASURE_MS,
            intervalMs: INTERVAL_MS,
            servers: [server],
          })),
          round: r + 1,
        };
        if (before) {
          // Wait out the store debounce so compactions of this round are counted in it.
          await new Promise((resolve) => setTimeout(resolve, STORE_DEBOUNCE_MS + 500));
          const after = await storeCounts(ours);
          result.compactions = after.compactions - before.compactions;
          result.compactionWindowMs = Date.now() - countedFrom;
          result.documentsEdited = layout.sections;
          result.appendCommits = after.appends - before.appends;
          result.eventLoopLagP99Ms = round(after.loopLagP99Ms, 1);
          result.eventLoopLagMaxMs = round(after.loopLagMaxMs, 1);
          result.appendMeanMs = round(
            ((after.appendSeconds - before.appendSeconds) / Math.max(1, result.appendCommits)) * 1000,
            2,
          );
        }
        report.typing.push(result);
        log(
          `typing ${server.name} ${editors} editors round ${r + 1}: p50 ${result.p50Ms} p99 ${result.p99Ms} ms, ` +
            `${result.cpuPerEditUs} µs CPU/edit, ${result.delivered}/${result.expected} delivered`,
        );
      }
    }
  }
});

await scenario('open', async () => {
  if (!plan60) throw new Error('no 60-section plan');
  const docs14 = (typingPlans[0]?.sectionIds ?? []).map(sectionDocumentName);
  const docs60 = plan60.sectionIds.map(sectionDocumentName);
  const samples = { ours14: [] as number[], bare14: [] as number[], ours60: [] as number[], bare60: [] as number[] };
  // The first run loads every document from storage for the first time and is not counted.
  await openAllSections(ours.wsUrl, docs14, ours.readerTokens[0] ?? '');
  await openAllSections(ours.wsUrl, docs60, ours.readerTokens[0] ?? '');
  for (let r = 0; r < OPEN_RUNS; r++) {
    samples.ours14.push(await openAllSections(ours.wsUrl, docs14, ours.readerTokens[0] ?? ''));
    samples.bare14.push(await openAllSections(bare.wsUrl, docs14, 'none'));
    samples.ours60.push(await openAllSections(ours.wsUrl, docs60, ours.readerTokens[0] ?? ''));
    samples.bare60.push(await openAllSections(bare.wsUrl, docs60, 'none'));
  }
  // The page needs the built client; a bench without it still reports the socket figures.
  const web = await startFellesplan({
    dataDir: ours.dataDir,
    keepData: true,
    env: { CLIENT_DIST: path.join(root, 'client/dist') },
  });
  let page14: number[] = [];
  let page60: number[] = [];
  try {
    page14 = await pageInteractive(web.base ?? '', typingPlans[0]?.planId ?? '', SECTIONS, OPEN_RUNS);
    page60 = await pageInteractive(web.base ?? '', plan60.planId, 60, OPEN_RUNS);
  } finally {
    await web.stop();
  }
  report.open = {
    runs: OPEN_RUNS,
    sections14: { fellesplanP50Ms: round(median(samples.ours14), 1), bareP50Ms: round(median(samples.bare14), 1) },
    sections60: { fellesplanP50Ms: round(median(samples.ours60), 1), bareP50Ms: round(median(samples.bare60), 1) },
    page14InteractiveP50Ms: round(median(page14), 0),
    page60InteractiveP50Ms: round(median(page60), 0),
    samples: { ...samples, page14, page60 },
  };
});

await scenario('big', async () => {
  const sectionId = bigPlan?.sectionIds[0];
  if (!sectionId) throw new Error('no 200 KB section');
  const documentName = sectionDocumentName(sectionId);
  const holder = await holdBigBody(bare, documentName, paragraphs(200 * 1024, 1));
  try {
    const cold: number[] = [];
    const bareLoads: number[] = [];
    for (let r = 0; r < OPEN_RUNS; r++) {
      // Nobody else has it open: Fellesplan loads it from storage each time.
      cold.push(...(await loadTimes(ours, [documentName], 1, ours.readerTokens[0] ?? '')));
      bareLoads.push(...(await loadTimes(bare, [documentName], 1, 'none')));
      await new Promise((resolve) => setTimeout(resolve, 300)); // let Fellesplan unload it
    }
    const typing: TypingResult[] = [];
    for (const server of [ours, bare]) {
      typing.push(
        await typingRound(typingLayout(4, [documentName], server), workers, {
          warmupMs: WARMUP_MS,
          measureMs: MEASURE_MS,
          intervalMs: INTERVAL_MS,
          servers: [server],
        }),
      );
    }
    report.big = {
      bytes: 200 * 1024,
      loadFellesplanColdP50Ms: round(median(cold), 1),
      loadBareInMemoryP50Ms: round(median(bareLoads), 1),
      typing,
    };
  } finally {
    disconnect(holder);
  }
});

await scenario('scale-out', async () => {
  const { cluster, instances } = await startCluster();
  try {
    const more = await seedPlans(
      { dataDir: cluster.dataDir, databaseUrl: cluster.database.url },
      Array.from({ length: PLANS }, (_, i) => ({
        title: `Benk ${i + 1}`,
        sectionBytes: Array.from({ length: SECTIONS }, () => 1500),
      })),
    );
    const docs: string[] = [];
    for (let s = 0; s < SECTIONS; s++)
      for (const plan of more) docs.push(sectionDocumentName(plan.sectionIds[s] ?? ''));
    const editors = EDITOR_COUNTS.includes(200) ? 200 : (EDITOR_COUNTS[0] ?? 50);
    const layout = typingLayout(editors, docs, instances[0] ?? ours);
    const options = { warmupMs: WARMUP_MS, measureMs: MEASURE_MS, intervalMs: INTERVAL_MS };
    // The same cluster, storage and Redis with everyone on the first instance: the single-instance
    // figure the cross-instance one is held against. Then each section's peers spread over both.
    const sameInstance = await typingRound(layout, workers, { ...options, servers: instances, serverOf: () => 0 });
    const result = await typingRound(layout, workers, {
      ...options,
      servers: instances,
      // Neighbouring connections share a section: alternate instances between them.
      serverOf: (index) => Math.floor(index / workers.length) % instances.length,
    });
    const single = report.typing.filter((t) => t.target === 'fellesplan' && t.editors === editors);
    report.scaleOut = {
      editors,
      instances: instances.length,
      storage: 'PostgreSQL + Redis',
      result,
      sameInstance,
      singleInstanceP99Ms: sameInstance.p99Ms,
      sqliteSingleInstanceP99Ms: round(median(single.map((t) => t.p99Ms ?? Number.NaN)), 2),
    };
    log(`scale-out: one instance p99 ${sameInstance.p99Ms} ms, across two p50 ${result.p50Ms} p99 ${result.p99Ms} ms`);
  } finally {
    await cluster.close();
  }
});

await ours.stop();

await scenario('idle', async () => {
  const idle = await startFellesplan({ keepData: true });
  const dataDir = idle.dataDir;
  await seedPlans(
    { dataDir },
    Array.from({ length: IDLE_PLANS }, (_, i) => ({
      title: `Arkiv ${i + 1}`,
      sectionBytes: Array.from({ length: SECTIONS }, () => 1500),
    })),
  );
  await idle.stop();
  const stored = await startFellesplan({ dataDir });
  try {
    // Started and logged in (the logins are the only requests so far), then left alone.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const rssIdle = rssBytes(stored.pid);
    const heapUsed = await metricValue(stored.base ?? '', 'nodejs_heap_size_used_bytes');
    const bareRss = rssBytes(bare.pid);
    const { planIds, docs } = await sectionsOf(dataDir);
    const ourLoads = await loadTimes(stored, docs, IDLE_LOADS, stored.readerTokens[0] ?? '');
    const bareLoads = await loadTimes(bare, docs, IDLE_LOADS, 'none');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const rssAfterLoads = rssBytes(stored.pid);
    report.idle = {
      plansStored: planIds,
      fellesplanRssMb: mb(rssIdle),
      fellesplanHeapUsedMb: mb(heapUsed),
      fellesplanRssAfterLoadsMb: mb(rssAfterLoads),
      plansListed: 0,
      listPlansMs: null,
      fellesplanRssAfterListMb: null,
      bareRssMb: mb(bareRss),
      loads: IDLE_LOADS,
      loadFellesplanP50Ms: round(percentile(ourLoads, 50), 1),
      loadFellesplanP99Ms: round(percentile(ourLoads, 99), 1),
      loadBareP50Ms: round(percentile(bareLoads, 50), 1),
      loadBareP99Ms: round(percentile(bareLoads, 99), 1),
    };
    log(`idle: ${report.idle.fellesplanRssMb} MB, load p99 ${report.idle.loadFellesplanP99Ms} ms`);
    const ourChurn = await churn(stored, workers, docs.slice(0, 50), stored.readerTokens[0] ?? '');
    log(`churn fellesplan: ${ourChurn.cycles} cycles in ${ourChurn.seconds}s, RSS +${ourChurn.rssGrowthMb} MB`);
    const bareChurn = await churn(bare, workers, docs.slice(0, 50), 'none');
    report.churn = { fellesplan: ourChurn, bare: bareChurn };
    // Last, as it holds on to memory for a while: the plan list, as the front page asks for it, once.
    const listStarted = performance.now();
    const listed = await fetch(`${stored.base}/api/plans`, {
      headers: { authorization: `Bearer ${stored.writerTokens[0]}` },
    });
    report.idle.plansListed = ((await listed.json()) as unknown[]).length;
    report.idle.listPlansMs = round(performance.now() - listStarted, 0);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    report.idle.fellesplanRssAfterListMb = mb(rssBytes(stored.pid));
  } finally {
    await stored.stop();
  }
});

/** The stored plans and section document names of a data dir, read through the seed's database access. */
async function sectionsOf(dataDir: string): Promise<{ planIds: number; docs: string[] }> {
  const { openDatabase } = await import('../../../server/src/storage/database.js');
  const pino = (await import('pino')).default;
  const db = await openDatabase({ dataDir, logger: pino({ level: 'warn' }) });
  try {
    const plansStored = await db
      .selectFrom('plans')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const sections = await db.selectFrom('sections').select('id').execute();
    return { planIds: Number(plansStored?.n ?? 0), docs: sections.map((s) => sectionDocumentName(s.id)) };
  } finally {
    await db.destroy();
  }
}

await bare.stop();
await Promise.all(workers.map((w) => w.exit()));

const ours200 = report.typing.filter((t) => t.target === 'fellesplan');
report.compaction = {
  debounceMs: STORE_DEBOUNCE_MS,
  maxDebounceMs: STORE_DEBOUNCE_MS * MAX_DEBOUNCE_FACTOR,
  rounds: ours200.map((t) => ({
    editors: t.editors,
    documents: t.documentsEdited ?? 0,
    compactions: t.compactions ?? 0,
    // Debounce windows between the scrapes before and after the round (connecting, typing, closing).
    windows: Math.ceil((t.compactionWindowMs ?? 0) / 2000),
  })),
};
report.seconds = Math.round((Date.now() - started) / 1000);

const { markdown, svg } = renderReport(report);
// A quick run is a smoke test: it never replaces the committed report.
const out = process.env.BENCH_OUT ?? (QUICK ? path.join(tmpdir(), 'fellesplan-bench-quick') : path.join(root, 'docs'));
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(out, 'benchmarks.svg'), svg);
const mdPath = path.join(out, 'benchmarks.md');
// Results of the other benches (socket and login floods) follow this line and are kept as they are.
const KEEP = '<!-- below: other benches, kept as they are by pnpm bench -->';
let previous = '';
try {
  previous = readFileSync(mdPath, 'utf8');
} catch {
  previous = '';
}
const kept = previous.includes(KEEP) ? previous.slice(previous.indexOf(KEEP)) : `${KEEP}\n`;
writeFileSync(mdPath, `${markdown}\n${kept}`);
// Formatted as the repository's files are, so a committed report passes `prettier --check`.
try {
  execFileSync(path.join(root, 'node_modules/.bin/prettier'), ['--write', mdPath, path.join(out, 'benchmarks.json')], {
    stdio: 'ignore',
  });
} catch (error) {
  log(`prettier did not format the report: ${error instanceof Error ? error.message : String(error)}`);
}
log(`wrote ${out}/benchmarks.md, .json and .svg in ${report.seconds}s`);
process.exit(0);
