import { loadavg } from 'node:os';
import { buildPlanDocx, sourceSections, type SourceSection } from '../../../server/src/testing/planDocx.js';

export interface ExportSample {
  exportMs: number;
  bytes: number;
  /** GET /api/health answered by the same server while the export ran. */
  healthDuringP50Ms: number;
  healthDuringP95Ms: number;
  healthRequestsDuring: number;
}

export interface ExportBenchResult {
  /** The machine's 1-minute load average at the end: other work on it slows Chromium most. */
  loadAverage: number;
  sections: number;
  characters: number;
  idleHealthP50Ms: number;
  idleHealthP95Ms: number;
  docx: ExportSample[];
  pdf: ExportSample[];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return performance.now() - start;
}

/** The source texts twelve times over: a 60-section plan of some 150 pages. */
function sixtySections(): SourceSection[] {
  const sources = sourceSections();
  return Array.from({ length: 60 }, (_, i) => {
    const source = sources[i % sources.length] ?? { title: 'Seksjon', paragraphs: [] };
    return { title: `${source.title} ${Math.floor(i / sources.length) + 1}`, paragraphs: source.paragraphs };
  });
}

/**
 * Imports a 60-section plan through the API, then exports it as DOCX and as PDF `runs` times each,
 * while a loop asks `GET /api/health` one request after another: the ratio of its latency during
 * an export to its latency idle shows whether the export holds up other users.
 */
export async function measureExport(options: {
  base: string;
  token: string;
  runs: number;
}): Promise<ExportBenchResult> {
  const { base, token } = options;
  const auth = { authorization: `Bearer ${token}` };
  const partnership = (await (await fetch(`${base}/api/partnership`, { headers: auth })).json()) as {
    parties: { id: string; active: boolean }[];
  };
  const sections = sixtySections();
  const form = new FormData();
  form.append('title', 'Utviklingsplan 2031–2034 (60 seksjoner)');
  for (const party of partnership.parties) if (party.active) form.append('partyIds', party.id);
  form.append('file', new Blob([new Uint8Array(await buildPlanDocx({ sections }))]), 'plan.docx');
  const imported = await fetch(`${base}/api/plans/import`, { method: 'POST', headers: auth, body: form });
  if (!imported.ok) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
  const { id } = (await imported.json()) as { id: string };

  const health = `${base}/api/health`;
  const idle: number[] = [];
  for (let i = 0; i < 200; i++) idle.push(await timed(health));

  const run = async (format: 'docx' | 'pdf'): Promise<ExportSample> => {
    let done = false;
    const during: number[] = [];
    const probe = (async () => {
      while (!done) during.push(await timed(health));
    })();
    const start = performance.now();
    const response = await fetch(`${base}/api/plans/${id}/export.${format}`, { headers: auth });
    const bytes = (await response.arrayBuffer()).byteLength;
    const exportMs = performance.now() - start;
    done = true;
    await probe;
    if (!response.ok) throw new Error(`export.${format} failed: ${response.status}`);
    return {
      exportMs: Math.round(exportMs),
      bytes,
      healthDuringP50Ms: round(percentile(during, 50)),
      healthDuringP95Ms: round(percentile(during, 95)),
      healthRequestsDuring: during.length,
    };
  };
  const docx: ExportSample[] = [];
  const pdf: ExportSample[] = [];
  for (let i = 0; i < options.runs; i++) {
    docx.push(await run('docx'));
    pdf.push(await run('pdf'));
  }
  return {
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    sections: sections.length,
    characters: sections.reduce((sum, s) => sum + s.paragraphs.join('').length, 0),
    idleHealthP50Ms: round(percentile(idle, 50)),
    idleHealthP95Ms: round(percentile(idle, 95)),
    docx,
    pdf,
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
