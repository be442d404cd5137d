import { median, round } from './proc.js';
import type { RetainedMemory } from './memoryAfterGc.js';
import type { TypingResult } from './typing.js';

type Ms = number | null;

export interface ChurnResult {
  cycles: number;
  failures: number;
  firstError?: string;
  seconds: number | null;
  cyclesPerSecond: number | null;
  rssStartMb: number | null;
  rssAfterMb: number | null;
  rssGrowthMb: number | null;
  /** V8 heap in use before and 3 s after (Fellesplan only: from its /metrics). */
  heapUsedBeforeMb: number | null;
  heapUsedAfterMb: number | null;
  /** After a full garbage collection (`memoryAfterGc`), before the cycles and once they are done. */
  retainedBefore: RetainedMemory | null;
  retainedAfter: RetainedMemory | null;
  samples: { done: number; mb: number | null }[];
}

export interface Report {
  at: string;
  command: string;
  quick: boolean;
  machine: {
    nproc: number;
    cpu: string;
    memoryGiB: number | null;
    node: string;
    os: string;
    loadAverageAtStart: (number | null)[];
  };
  /** One durable commit on the servers' disk (append + fdatasync), measured before the servers start. */
  disk?: { p50Ms: Ms; p99Ms: Ms; samples: number };
  settings: Record<string, unknown> & { editorCounts: number[] };
  typing: (TypingResult & { round: number })[];
  scaleOut: {
    editors: number;
    instances: number;
    storage: string;
    result: TypingResult;
    /** Everyone on one instance of the same cluster. */
    sameInstance: TypingResult;
    singleInstanceP99Ms: Ms;
    /** The single instance on SQLite of the typing scenario, for reference. */
    sqliteSingleInstanceP99Ms: Ms;
  } | null;
  open: {
    runs: number;
    sections14: { fellesplanP50Ms: Ms; bareP50Ms: Ms };
    sections60: { fellesplanP50Ms: Ms; bareP50Ms: Ms };
    page14InteractiveP50Ms: Ms;
    page60InteractiveP50Ms: Ms;
    samples: Record<string, number[]>;
  } | null;
  big: { bytes: number; loadFellesplanColdP50Ms: Ms; loadBareInMemoryP50Ms: Ms; typing: TypingResult[] } | null;
  idle: {
    plansStored: number;
    fellesplanRssMb: Ms;
    /** V8 heap in use then, from the server's /metrics (read after the RSS). */
    fellesplanHeapUsedMb: Ms;
    /** Three seconds after the loads, everyone gone again. */
    fellesplanRssAfterLoadsMb: Ms;
    plansListed: number;
    listPlansMs: Ms;
    /** Three seconds after one GET /api/plans. */
    fellesplanRssAfterListMb: Ms;
    bareRssMb: Ms;
    loads: number;
    loadFellesplanP50Ms: Ms;
    loadFellesplanP99Ms: Ms;
    loadBareP50Ms: Ms;
    loadBareP99Ms: Ms;
  } | null;
  churn: { fellesplan: ChurnResult; bare: ChurnResult } | null;
  compaction: {
    debounceMs: number;
    maxDebounceMs: number;
    rounds: { editors: number; documents: number; compactions: number; windows: number }[];
  } | null;
  errors: { scenario: string; message: string }[];
  seconds: number;
}

const ratio = (a: Ms | undefined, b: Ms | undefined) => (a != null && b != null && b > 0 ? round(a / b, 2) : null);
const show = (n: Ms | undefined, unit = '') => (n == null || Number.isNaN(n) ? '–' : `${n}${unit}`);
const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? '**met**' : '**missed**');

/** The median over rounds of one figure of one target at one editor count. */
function typingFigure(report: Report, target: string, editors: number, pick: (t: TypingResult) => Ms): Ms {
  const values = report.typing
    .filter((t) => t.target === target && t.editors === editors)
    .map(pick)
    .filter((v): v is number => v != null);
  return values.length ? round(median(values), 2) : null;
}

export function renderReport(report: Report): { markdown: string; svg: string } {
  const counts = report.settings.editorCounts;
  const fig = (target: string, editors: number, pick: (t: TypingResult) => Ms) =>
    typingFigure(report, target, editors, pick);
  const typingRows = counts.map((editors) => {
    const sample = report.typing.find((t) => t.editors === editors && t.target === 'fellesplan');
    const oursP50 = fig('fellesplan', editors, (t) => t.p50Ms);
    const bareP50 = fig('bare', editors, (t) => t.p50Ms);
    const oursP99 = fig('fellesplan', editors, (t) => t.p99Ms);
    const bareP99 = fig('bare', editors, (t) => t.p99Ms);
    const oursCpu = fig('fellesplan', editors, (t) => t.cpuPerEditUs);
    const bareCpu = fig('bare', editors, (t) => t.cpuPerEditUs);
    const delivered = report.typing
      .filter((t) => t.editors === editors && t.target === 'fellesplan')
      .reduce((acc, t) => ({ got: acc.got + t.delivered, of: acc.of + t.expected }), { got: 0, of: 0 });
    return (
      `| ${editors} (${sample?.sections ?? '–'} sections, ${sample?.readers ?? '–'} readers) | ${show(oursP50)} / ${show(bareP50)} (${show(ratio(oursP50, bareP50))}×) ` +
      `| ${show(oursP99)} / ${show(bareP99)} (${show(ratio(oursP99, bareP99))}×) | ${show(oursCpu)} / ${show(bareCpu)} (${show(ratio(oursCpu, bareCpu))}×) ` +
      `| ${delivered.got} / ${delivered.of} |`
    );
  });

  const at200 = counts.includes(200) ? 200 : null;
  const p50at200 = at200 ? fig('fellesplan', 200, (t) => t.p50Ms) : null;
  const p99at200 = at200 ? fig('fellesplan', 200, (t) => t.p99Ms) : null;
  const cpuRatio = at200
    ? ratio(
        fig('fellesplan', 200, (t) => t.cpuPerEditUs),
        fig('bare', 200, (t) => t.cpuPerEditUs),
      )
    : null;
  const scale = report.scaleOut;
  const crossOk =
    scale?.result.p99Ms != null && scale.singleInstanceP99Ms != null
      ? scale.result.p99Ms <= scale.singleInstanceP99Ms + 3
      : null;
  const churnGrowth = report.churn ? retainedGrowth(report.churn.fellesplan) : null;
  const churnRssGrowth = report.churn ? retainedGrowth(report.churn.fellesplan, 'rssMb') : null;
  const compactionWorst = report.compaction?.rounds.reduce(
    (worst, r) => Math.max(worst, r.documents > 0 ? r.compactions / (r.documents * r.windows) : 0),
    0,
  );
  const targets = [
    [
      'edit → peer p50 ≤ 3 ms, 200 editors, one instance',
      `${show(p50at200, ' ms')}`,
      verdict(p50at200 == null ? null : p50at200 <= 3),
    ],
    [
      'edit → peer p99 ≤ 15 ms, 200 editors, one instance',
      `${show(p99at200, ' ms')}`,
      verdict(p99at200 == null ? null : p99at200 <= 15),
    ],
    [
      'server CPU per edit ≤ 1.10 × bare (200 editors)',
      `${show(cpuRatio, '×')}`,
      verdict(cpuRatio == null ? null : cpuRatio <= 1.1),
    ],
    [
      'cross-instance p99 ≤ single-instance p99 + 3 ms',
      `${show(scale?.result.p99Ms ?? null, ' ms')} vs ${show(scale?.singleInstanceP99Ms ?? null, ' ms')}`,
      verdict(crossOk),
    ],
    [
      '14-section plan synced ≤ 300 ms p50',
      show(report.open?.sections14.fellesplanP50Ms ?? null, ' ms'),
      verdict(report.open ? (report.open.sections14.fellesplanP50Ms ?? Infinity) <= 300 : null),
    ],
    [
      '60-section page interactive ≤ 1 s (p50, Chromium)',
      show(report.open?.page60InteractiveP50Ms ?? null, ' ms'),
      verdict(report.open?.page60InteractiveP50Ms == null ? null : report.open.page60InteractiveP50Ms <= 1000),
    ],
    [
      `idle with ${report.idle?.plansStored ?? 1000} plans ≤ 150 MB RSS`,
      show(report.idle?.fellesplanRssMb ?? null, ' MB'),
      verdict(report.idle?.fellesplanRssMb == null ? null : report.idle.fellesplanRssMb <= 150),
    ],
    [
      'at most one compaction per document per debounce window',
      compactionWorst == null ? '–' : `${round(compactionWorst, 3)} per document per window (worst round)`,
      verdict(compactionWorst == null ? null : compactionWorst <= 1),
    ],
    [
      'churn: memory flat (after a full GC: heap grows ≤ 5 MB, RSS ≤ 20 MB)',
      report.churn
        ? `heap ${show(churnGrowth, ' MB')}, RSS ${show(churnRssGrowth, ' MB')} over ${report.churn.fellesplan.cycles} cycles (RSS ${show(report.churn.fellesplan.rssGrowthMb, ' MB')} under load, garbage included)`
        : '–',
      verdict(churnGrowth == null || churnRssGrowth == null ? null : churnGrowth <= 5 && churnRssGrowth <= 20),
    ],
  ];

  const m = report.machine;
  const lines: string[] = [];
  lines.push(
    '# Benchmarks',
    '',
    `Produced by \`${report.command}\` (packages/bench) on ${report.at} in ${report.seconds} s.`,
    `Machine: ${m.nproc} cores (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node};`,
    `load average at start ${m.loadAverageAtStart.join(' / ')}. The machine is shared with other`,
    'engineers working at the same time, so absolute figures are noisy; read the ratios against bare',
    'Hocuspocus, which ran in the same run, alternating rounds with Fellesplan.',
    '',
    ...(report.disk
      ? [
          `**Disk floor.** One durable commit on this disk (a small append and \`fdatasync\`, the least a`,
          `SQLite WAL commit with \`synchronous = FULL\` does; ${report.disk.samples} tries before any server ran):`,
          `p50 ${show(report.disk.p50Ms, ' ms')}, p99 ${show(report.disk.p99Ms, ' ms')}. Fellesplan relays and acknowledges an`,
          'edit only after its commit (a reader cannot hand back an edit the server lost), so its',
          'edit-to-peer latency includes a commit, or the rest of one already under way plus its own,',
          'which bare Hocuspocus, storing nothing, does not pay.',
          '',
        ]
      : []),
    '**How.** Fellesplan runs as real server processes (`server/src/main.ts`, SQLite in a data dir of',
    'its own; for scale-out two instances on PostgreSQL and Redis with a prefix of this run), the',
    'baseline as stock `@hocuspocus/server` without extensions in its own process. Real',
    '`@hocuspocus/provider` clients run in ' +
      `${String(report.settings.workers)} forked worker processes, each socket bound to a loopback address of its worker`,
    "(127.0.x.y). Every editor types 5 characters a second at the end of its own paragraph; a peer's",
    'latency is the time from the keystroke to its arrival in that peer, on one clock. Server CPU is',
    'utime + stime of the server process (`/proc/<pid>/stat`) over the measured window, divided by',
    'the keystrokes typed in it.',
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...targets.map((row) => `| ${row.join(' | ')} |`),
    '',
    '## Typing',
    '',
    `${report.typing.length / Math.max(1, counts.length * 2)} round(s) per target and editor count, ${String(report.settings.warmupMs)} ms warm-up, ${String(report.settings.measureMs)} ms measured; 20 plans × 14 sections, each section 2–4 writers and 0, 2, 5 or 20 readers in turn. Figures are the median over rounds; Fellesplan / bare (ratio).`,
    '',
    '| editors | edit → peer p50 ms | p99 ms | server CPU µs per edit | delivered (Fellesplan) |',
    '| --- | --- | --- | --- | --- |',
    ...typingRows,
    '',
    '![edit-to-peer latency against editors](benchmarks.svg)',
    '',
    'Every round, in the order run. Server cores = server CPU seconds ÷ window seconds; load = the',
    "machine's 1-minute load average at the end of the round; waiting = seconds the server's",
    'event-loop thread spent ready but without a CPU, per second (`/proc/<pid>/schedstat`);',
    'written = bytes to storage per keystroke (`/proc/<pid>/io`); commits = Fellesplan store',
    'transactions of appended edits (group commits) and their mean duration, and loop lag = the',
    "server's event-loop delay p99 / max over the round (prom-client's, from `/metrics`; it samples",
    'every 10 ms, so about 10 ms is the floor, not a delay).',
    '',
    '| target | editors | round | p50 ms | p99 ms | delivered | CPU µs/edit | server cores | waiting | load | written B/edit | commits (mean ms) | loop lag ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.typing.map(
      (t) =>
        `| ${t.target} | ${t.editors} | ${t.round} | ${show(t.p50Ms)} | ${show(t.p99Ms)} | ${t.delivered} / ${t.expected} | ${show(t.cpuPerEditUs)} | ${show(t.serverCores)} | ${show(t.runQueueWaitShare)} | ${show(t.loadAverage)} | ${show(t.writtenBytesPerEdit)} | ${t.appendCommits == null ? '' : `${t.appendCommits} (${show(t.appendMeanMs ?? null)})`} | ${t.eventLoopLagP99Ms == null ? '' : `${show(t.eventLoopLagP99Ms)} / ${show(t.eventLoopLagMaxMs ?? null)}`} |`,
    ),
    '',
  );
  if (scale) {
    lines.push(
      '## Scale-out',
      '',
      `${scale.editors} editors on a cluster of ${scale.instances} instances (${scale.storage}, CPU of the instances only): first everyone on one instance, then each section's peers alternating between the instances.`,
      '',
      '| | p50 ms | p99 ms | CPU µs per edit (both instances) | delivered |',
      '| --- | --- | --- | --- | --- |',
      `| everyone on one instance | ${show(scale.sameInstance.p50Ms)} | ${show(scale.sameInstance.p99Ms)} | ${show(scale.sameInstance.cpuPerEditUs)} | ${scale.sameInstance.delivered} / ${scale.sameInstance.expected} |`,
      `| peers spread over two instances | ${show(scale.result.p50Ms)} | ${show(scale.result.p99Ms)} | ${show(scale.result.cpuPerEditUs)} | ${scale.result.delivered} / ${scale.result.expected} |`,
      `| for reference: one instance on SQLite (typing above) | ${show(fig('fellesplan', scale.editors, (t) => t.p50Ms))} | ${show(scale.sqliteSingleInstanceP99Ms)} | ${show(fig('fellesplan', scale.editors, (t) => t.cpuPerEditUs))} | |`,
      '',
    );
  }
  if (report.open) {
    const o = report.open;
    lines.push(
      '## Opening a plan',
      '',
      `Median of ${o.runs} runs. Providers: one socket, a provider per section, until every section has synced. Chromium: Debian's \`/usr/bin/chromium\` on the built client, fresh context per run, from navigation start until every section card is on the page and the first editor takes input (Fellesplan only: bare Hocuspocus serves no page).`,
      '',
      '| | Fellesplan ms | bare ms | ratio |',
      '| --- | --- | --- | --- |',
      `| 14 sections synced | ${show(o.sections14.fellesplanP50Ms)} | ${show(o.sections14.bareP50Ms)} | ${show(ratio(o.sections14.fellesplanP50Ms, o.sections14.bareP50Ms))} |`,
      `| 60 sections synced | ${show(o.sections60.fellesplanP50Ms)} | ${show(o.sections60.bareP50Ms)} | ${show(ratio(o.sections60.fellesplanP50Ms, o.sections60.bareP50Ms))} |`,
      `| 14-section page interactive | ${show(o.page14InteractiveP50Ms)} | | |`,
      `| 60-section page interactive | ${show(o.page60InteractiveP50Ms)} | | |`,
      '',
    );
  }
  if (report.big) {
    const b = report.big;
    const [ours, bare] = b.typing;
    lines.push(
      '## A 200 KB section',
      '',
      'Loading: Fellesplan from storage (nobody else has it open); bare Hocuspocus holds it in memory (it stores nothing). Typing: 4 writers and 2 readers on it.',
      '',
      '| | Fellesplan | bare | ratio |',
      '| --- | --- | --- | --- |',
      `| load (connect, auth, sync) p50 ms | ${show(b.loadFellesplanColdP50Ms)} | ${show(b.loadBareInMemoryP50Ms)} | ${show(ratio(b.loadFellesplanColdP50Ms, b.loadBareInMemoryP50Ms))} |`,
      `| edit → peer p50 ms | ${show(ours?.p50Ms)} | ${show(bare?.p50Ms)} | ${show(ratio(ours?.p50Ms, bare?.p50Ms))} |`,
      `| edit → peer p99 ms | ${show(ours?.p99Ms)} | ${show(bare?.p99Ms)} | ${show(ratio(ours?.p99Ms, bare?.p99Ms))} |`,
      `| server CPU µs per edit | ${show(ours?.cpuPerEditUs)} | ${show(bare?.cpuPerEditUs)} | ${show(ratio(ours?.cpuPerEditUs, bare?.cpuPerEditUs))} |`,
      '',
    );
  }
  if (report.idle) {
    const i = report.idle;
    lines.push(
      '## Idle',
      '',
      `${i.plansStored} plans stored (14 sections each), the server restarted, nobody connected; then ${i.loads} loads of a random section, one after the other.`,
      '',
      '| | Fellesplan | bare |',
      '| --- | --- | --- |',
      `| RSS, nobody connected | ${show(i.fellesplanRssMb, ' MB')} | ${show(i.bareRssMb, ' MB')} (empty) |`,
      `| V8 heap used, nobody connected | ${show(i.fellesplanHeapUsedMb, ' MB')} | |`,
      `| RSS, 3 s after the loads | ${show(i.fellesplanRssAfterLoadsMb, ' MB')} | |`,
      `| RSS, 3 s after one GET /api/plans (${i.plansListed} plans, answered in ${show(i.listPlansMs, ' ms')}; after the churn below) | ${show(i.fellesplanRssAfterListMb, ' MB')} | |`,
      `| load a random section p50 | ${show(i.loadFellesplanP50Ms, ' ms')} | ${show(i.loadBareP50Ms, ' ms')} |`,
      `| load a random section p99 | ${show(i.loadFellesplanP99Ms, ' ms')} | ${show(i.loadBareP99Ms, ' ms')} |`,
      '',
    );
  }
  if (report.churn) {
    const row = (name: string, c: ChurnResult) =>
      `| ${name} | ${c.cycles} | ${c.failures} | ${show(c.seconds, ' s')} (${show(c.cyclesPerSecond)}/s) | ${show(c.rssStartMb)} → ${c.samples
        .slice(1, -1)
        .filter((_, k, all) => k % Math.max(1, Math.ceil(all.length / 6)) === 0)
        .map((s) => show(s.mb))
        .join(
          ' → ',
        )} → ${show(c.rssAfterMb)} | ${show(c.rssGrowthMb, ' MB')} | ${c.heapUsedBeforeMb == null ? '–' : `${show(c.heapUsedBeforeMb)} → ${show(c.heapUsedAfterMb)}`} | ${c.retainedBefore && c.retainedAfter ? `${show(c.retainedBefore.heapUsedMb)} → ${show(c.retainedAfter.heapUsedMb)} (RSS ${show(c.retainedBefore.rssMb)} → ${show(c.retainedAfter.rssMb)})` : '–'} |`;
    lines.push(
      '## Churn',
      '',
      'Connect, authenticate, sync and disconnect, 8 at a time per worker, on the idle server above. Heap read without a collection counts garbage V8 has not collected yet; the last column forces a full collection (through the inspector, opened only to measure) before reading, so it shows what the cycles left behind.',
      '',
      '| | cycles | failed | time | RSS MB (start → during → 3 s after) | RSS growth under load | V8 heap used MB, before → after | after a full GC: heap used MB before → after (RSS) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      row('Fellesplan', report.churn.fellesplan),
      row('bare', report.churn.bare),
      '',
    );
  }
  if (report.compaction) {
    lines.push(
      '## Compactions',
      '',
      `Read from \`/metrics\` (\`fellesplan_store_duration_seconds_count{operation="compact"}\`) before and after each typing round. Store debounce ${report.compaction.debounceMs} ms, at most ${report.compaction.maxDebounceMs} ms under steady typing. The check is over all documents of a round (compactions ÷ documents edited ÷ debounce windows in the round), not per single document.`,
      '',
      '| editors | documents edited | compactions | debounce windows | per document per window |',
      '| --- | --- | --- | --- | --- |',
      ...report.compaction.rounds.map(
        (r) =>
          `| ${r.editors} | ${r.documents} | ${r.compactions} | ${r.windows} | ${show(round(r.compactions / Math.max(1, r.documents * r.windows), 3))} |`,
      ),
      '',
    );
  }
  if (report.errors.length) {
    lines.push(
      '## Scenarios that failed in this run',
      '',
      ...report.errors.map((e) => `- ${e.scenario}: ${e.message}`),
      '',
    );
  }
  lines.push('Raw figures, every round: `docs/benchmarks.json`.', '');
  return { markdown: lines.join('\n'), svg: chart(report) };
}

/** Latency (p50 and p99) against editors, Fellesplan and bare, as a hand-written SVG line chart. */
function chart(report: Report): string {
  const counts = report.settings.editorCounts;
  const series = [
    { target: 'fellesplan', pick: (t: TypingResult) => t.p50Ms, label: 'Fellesplan p50', color: '#1f6feb', dash: '' },
    {
      target: 'fellesplan',
      pick: (t: TypingResult) => t.p99Ms,
      label: 'Fellesplan p99',
      color: '#1f6feb',
      dash: '6 4',
    },
    { target: 'bare', pick: (t: TypingResult) => t.p50Ms, label: 'bare Hocuspocus p50', color: '#d1242f', dash: '' },
    { target: 'bare', pick: (t: TypingResult) => t.p99Ms, label: 'bare Hocuspocus p99', color: '#d1242f', dash: '6 4' },
  ].map((s) => ({ ...s, points: counts.map((n) => [n, typingFigure(report, s.target, n, s.pick)] as const) }));
  const width = 640;
  const height = 360;
  const left = 60;
  const right = 180;
  const top = 30;
  const bottom = 50;
  const maxX = Math.max(...counts, 1);
  const values = series.flatMap((s) => s.points.map(([, v]) => v ?? 0));
  const maxY = Math.max(1, ...values) * 1.1;
  // A log scale would hide the small figures' differences; a linear one with the largest value on top.
  const x = (n: number) => left + (n / maxX) * (width - left - right);
  const y = (v: number) => height - bottom - (v / maxY) * (height - top - bottom);
  const ticks = 5;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${left}" y="18" font-size="14">Edit → peer latency (ms) against editors, ${report.at.slice(0, 10)}</text>`,
  ];
  for (let i = 0; i <= ticks; i++) {
    const v = (maxY / ticks) * i;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v.toFixed(v < 10 ? 1 : 0)}</text>`,
    );
  }
  for (const n of counts) {
    parts.push(`<text x="${x(n).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle">${n}</text>`);
  }
  parts.push(
    `<text x="${((left + width - right) / 2).toFixed(0)}" y="${height - 12}" text-anchor="middle">editors (5 characters/s each)</text>`,
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${height - bottom}" stroke="#333"/>`,
    `<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" stroke="#333"/>`,
  );
  series.forEach((s, i) => {
    const points = s.points.filter(([, v]) => v != null).map(([n, v]) => `${x(n).toFixed(1)},${y(v ?? 0).toFixed(1)}`);
    parts.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''} points="${points.join(' ')}"/>`,
      ...points.map((p) => {
        const [cx, cy] = p.split(',');
        return `<circle cx="${cx}" cy="${cy}" r="3" fill="${s.color}"/>`;
      }),
      `<line x1="${width - right + 15}" x2="${width - right + 45}" y1="${top + 10 + i * 20}" y2="${top + 10 + i * 20}" stroke="${s.color}" stroke-width="2" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''}/>`,
      `<text x="${width - right + 50}" y="${top + 14 + i * 20}">${s.label}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

/** Heap still in use after a full garbage collection, after the cycles less before: what churn leaves behind. */
function retainedGrowth(c: ChurnResult, of: 'heapUsedMb' | 'rssMb' = 'heapUsedMb'): number | null {
  const before = c.retainedBefore?.[of];
  const after = c.retainedAfter?.[of];
  return before == null || after == null ? null : round(after - before, 1);
}
