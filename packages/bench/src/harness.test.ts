import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureDurableAppend } from './disk.js';
import { cpuSeconds, percentile } from './proc.js';
import { renderReport, type Report } from './report.js';
import { startBare, type ServerProcess } from './servers.js';
import { typingLayout, typingRound } from './typing.js';
import { startWorkers, type Worker } from './workers.js';

/**
 * The bench's own machinery, on a small scale against the bare baseline: real processes and
 * sockets, no figures asserted (benchmarks are never timed assertions), only that what the
 * harness counts adds up.
 */
describe('bench harness', () => {
  let bare: ServerProcess;
  let workers: Worker[];
  beforeAll(async () => {
    [bare, workers] = await Promise.all([startBare(), startWorkers(2)]);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.exit()));
    await bare.stop();
  });

  it('lays out 2–4 writers and up to 20 readers per section', () => {
    const docs = Array.from({ length: 280 }, (_, i) => `section:${i}`);
    const layout = typingLayout(200, docs, { writerTokens: ['w1', 'w2'], readerTokens: ['r1', 'r2'] });
    const writers = layout.connections.filter((c) => c.writer !== null);
    expect(writers).toHaveLength(200);
    expect(new Set(writers.map((c) => c.writer)).size).toBe(200);
    const perDoc = new Map<string, { writers: number; readers: number }>();
    for (const c of layout.connections) {
      const entry = perDoc.get(c.documentName) ?? { writers: 0, readers: 0 };
      if (c.writer === null) entry.readers += 1;
      else entry.writers += 1;
      perDoc.set(c.documentName, entry);
    }
    expect(perDoc.size).toBe(layout.sections);
    for (const { writers: w, readers: r } of perDoc.values()) {
      expect(w).toBeGreaterThanOrEqual(1);
      expect(w).toBeLessThanOrEqual(4);
      expect(r).toBeLessThanOrEqual(20);
    }
    expect(Math.max(...[...perDoc.values()].map((d) => d.readers))).toBe(20);
  });

  it('joins every keystroke with its arrival at every peer and reads the server CPU', async () => {
    const layout = typingLayout(6, ['section:a', 'section:b'], bare);
    const result = await typingRound(layout, workers, {
      warmupMs: 300,
      measureMs: 1000,
      intervalMs: 200,
      servers: [bare],
    });
    expect(result.connectFailures).toBe(0);
    expect(result.edits).toBeGreaterThan(0);
    expect(result.expected).toBeGreaterThan(0);
    expect(result.delivered).toBe(result.expected);
    expect(result.p50Ms).toBeGreaterThanOrEqual(0);
    expect(result.serverCpuSeconds).toBeGreaterThan(0);
  });

  it('renders the report and its chart from the figures', () => {
    expect(cpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    const report = {
      at: '2026-01-01T00:00:00.000Z',
      command: 'pnpm bench',
      quick: true,
      machine: { nproc: 2, cpu: 'x', memoryGiB: 1, node: 'v20', os: 'Linux', loadAverageAtStart: [1] },
      settings: { editorCounts: [50, 200] },
      typing: [50, 200].flatMap((editors) =>
        (['fellesplan', 'bare'] as const).map((target) => ({
          ...layoutFree(editors),
          target,
          p50Ms: target === 'bare' ? 1 : 2,
          p99Ms: target === 'bare' ? 5 : 10,
          cpuPerEditUs: target === 'bare' ? 100 : 120,
          round: 1,
        })),
      ),
      scaleOut: null,
      open: null,
      big: null,
      idle: null,
      churn: null,
      compaction: null,
      errors: [],
      seconds: 1,
      disk: { p50Ms: 2.5, p99Ms: 8, samples: 300 },
    } satisfies Report;
    const { markdown, svg } = renderReport(report);
    expect(markdown).toContain('| edit → peer p50 ≤ 3 ms, 200 editors, one instance | 2 ms | **met** |');
    expect(markdown).toContain('| server CPU per edit ≤ 1.10 × bare (200 editors) | 1.2× | **missed** |');
    expect(svg.match(/<polyline/g)).toHaveLength(4);
    expect(markdown).toContain('p50 2.5 ms, p99 8 ms');

    // Churn is judged on memory after a full collection, heap and RSS both.
    const churn = (heapAfter: number, rssAfter: number) => ({
      cycles: 100,
      failures: 0,
      seconds: 1,
      cyclesPerSecond: 100,
      rssStartMb: 100,
      rssAfterMb: 180,
      rssGrowthMb: 80,
      heapUsedBeforeMb: 40,
      heapUsedAfterMb: 120,
      retainedBefore: { heapUsedMb: 40, rssMb: 120 },
      retainedAfter: { heapUsedMb: heapAfter, rssMb: rssAfter },
      samples: [],
    });
    const churnRow = (heapAfter: number, rssAfter: number) =>
      renderReport({ ...report, churn: { fellesplan: churn(heapAfter, rssAfter), bare: churn(40, 120) } })
        .markdown.split('\n')
        .find((line) => line.startsWith('| churn'));
    expect(churnRow(43, 130)).toContain('heap 3 MB, RSS 10 MB over 100 cycles');
    expect(churnRow(43, 130)).toContain('**met**');
    expect(churnRow(46, 130)).toContain('**missed**');
    expect(churnRow(43, 141)).toContain('**missed**');
  });

  it('times durable appends on the given disk, every try counted', () => {
    const disk = measureDurableAppend(tmpdir(), 20);
    expect(disk.samples).toBe(20);
    expect(disk.p50Ms).toBeGreaterThan(0);
    expect(disk.p99Ms).toBeGreaterThanOrEqual(disk.p50Ms ?? Infinity);
  });
});

function layoutFree(editors: number) {
  return {
    editors,
    sections: 1,
    readers: 0,
    connectFailures: 0,
    connectP50Ms: 1,
    edits: 10,
    delivered: 10,
    expected: 10,
    maxMs: 10,
    serverCpuSeconds: 1,
    serverCores: 0.1,
    loadAverage: 1,
    runQueueWaitShare: 0,
    writtenBytesPerEdit: 0,
    windowMs: 1000,
  };
}
