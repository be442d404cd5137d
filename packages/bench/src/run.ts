import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureColdOpen } from './coldOpen.js';
import { measureLatency, type LatencyResult } from './latency.js';
import { startBaseline, startFellesplan, type Target } from './targets.js';

/**
 * `pnpm bench`: the same workload against a bare Hocuspocus baseline and against Fellesplan in
 * one run; our figures are reported as ratios to the baseline (DESIGN 7), never as absolutes.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 7);

async function run(start: () => Promise<Target>): Promise<LatencyResult> {
  const target = await start();
  try {
    await measureLatency(target, 2, 20); // warm-up: JIT, SQLite pages, document load
    return await measureLatency(target, CLIENTS, EDITS);
  } finally {
    await target.stop();
  }
}

const baseline = await run(startBaseline);
const ours = await run(() => startFellesplan());
const web = await startFellesplan({ serveClient: true });
const coldOpen = await measureColdOpen({
  base: web.base ?? '',
  email: 'kommune@demo.no',
  password: 'demo',
  runs: OPEN_RUNS,
}).finally(() => web.stop());
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
const report = {
  at: new Date().toISOString(),
  node: process.version,
  workload: { clients: CLIENTS, edits: EDITS },
  baseline,
  fellesplan: ours,
  ratios: {
    editLatencyP50: ratio(ours.p50, baseline.p50),
    editLatencyP95: ratio(ours.p95, baseline.p95),
    connectP50: ratio(ours.connectP50, baseline.connectP50),
  },
  coldOpen,
};

const ms = (n: number) => n.toFixed(2);
const table = [
  `| measure (${CLIENTS} clients, ${EDITS} edits) | baseline ms | Fellesplan ms | ratio |`,
  '| --- | --- | --- | --- |',
  `| edit → all others, p50 | ${ms(baseline.p50)} | ${ms(ours.p50)} | ${report.ratios.editLatencyP50} |`,
  `| edit → all others, p95 | ${ms(baseline.p95)} | ${ms(ours.p95)} | ${report.ratios.editLatencyP95} |`,
  `| connect + auth + sync, p50 | ${ms(baseline.connectP50)} | ${ms(ours.connectP50)} | ${report.ratios.connectP50} |`,
].join('\n');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const openTable = [
  `| plan page in Chromium (median of ${OPEN_RUNS}, load average ${coldOpen.loadAverage}) | cold | warm reload |`,
  '| --- | --- | --- |',
  `| navigation → first section's text visible | ${coldOpen.cold.textVisibleMsP50} ms | ${coldOpen.warmReload.textVisibleMsP50} ms |`,
  `| script transferred until then | ${kb(coldOpen.cold.scriptTransferBytesP50)} | ${kb(coldOpen.warmReload.scriptTransferBytesP50)} |`,
  `| script decoded until then (${coldOpen.cold.scriptRequests} files) | ${kb(coldOpen.cold.scriptDecodedBytesP50)} | |`,
].join('\n');

mkdirSync(path.join(root, 'docs'), { recursive: true });
// Results of the other benches (socket and login floods) follow this line and are kept as they are.
const KEEP = '<!-- below: other benches, kept as they are by pnpm bench -->';
const mdPath = path.join(root, 'docs/benchmarks.md');
const previous = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '';
const kept = previous.includes(KEEP) ? previous.slice(previous.indexOf(KEEP)) : `${KEEP}\n`;
writeFileSync(path.join(root, 'docs/benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  mdPath,
  `# Benchmarks

Produced by \`pnpm bench\` (packages/bench): real \`@hocuspocus/provider\` clients in Node on
loopback, the same workload against a bare Hocuspocus server (baseline) and against Fellesplan
(its own process with SQLite, auth, ownership, persistence and projection) in one run. Read the
ratios; absolute milliseconds depend on the machine. Latest run: ${report.at}, Node ${report.node}.

${table}

Raw figures: \`docs/benchmarks.json\`. The workload appends paragraphs to a section body, as the
editor does; every edit is checked and on disk before it is acknowledged.

### Opening the plan

Debian's Chromium (\`/usr/bin/chromium\`) opens the demo plan from the built client
(\`client/dist\`, built by \`pnpm bench\`) served by the same server: a fresh browser context
per run (empty cache), logged in over the API, clock from navigation start to the first
section's text visible; then a reload in that context. Transfer sizes are Resource Timing's.

${openTable}

${kept}`,
);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n\n${table}\n\n${openTable}\n`);
