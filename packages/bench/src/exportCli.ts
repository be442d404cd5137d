import { measureExport } from './exportBench.js';
import { startFellesplan } from './targets.js';

/**
 * `pnpm --filter @fellesplan/bench export`: a 60-section plan exported as DOCX and PDF while other
 * requests are timed; prints JSON (figures recorded by hand in docs/benchmarks.md). Needs Chromium.
 */
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const target = await startFellesplan();
try {
  const login = await fetch(`${target.base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sekretariat@demo.no', password: 'demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const result = await measureExport({ base: target.base ?? '', token, runs: RUNS });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await target.stop();
}
