import { measureColdOpen } from './coldOpen.js';
import { startFellesplan } from './targets.js';

/**
 * `pnpm --filter @fellesplan/bench cold-open`: only the browser figures, printed, nothing
 * written (`pnpm bench` runs them too and records them in docs/benchmarks.md). Needs a built
 * client: `pnpm --filter @fellesplan/client build`. `BENCH_CLIENT_DIST=/path/to/dist` compares
 * another build (an older commit's) on the same server and machine.
 */
const RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 7);
const target = await startFellesplan({ serveClient: true, clientDist: process.env.BENCH_CLIENT_DIST || undefined });
try {
  const result = await measureColdOpen({
    base: target.base ?? '',
    email: 'kommune@demo.no',
    password: 'demo',
    runs: RUNS,
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await target.stop();
}
