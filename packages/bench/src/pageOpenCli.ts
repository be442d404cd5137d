import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageInteractive } from './open.js';
import { median, round } from './proc.js';
import { seedPlans } from './seed.js';
import { startFellesplan } from './servers.js';

/**
 * `pnpm --filter @fellesplan/bench page-open`: only the "page interactive" figures of the open
 * scenario (a 14- and a 60-section plan, the same shapes and clock as `pnpm bench`), printed,
 * nothing written. Needs a built client; `BENCH_CLIENT_DIST=/path/to/dist` measures another build
 * on the same server, `BENCH_OPEN_RUNS` the number of counted runs (7).
 */
const RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 7);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const clientDist = process.env.BENCH_CLIENT_DIST || path.join(root, 'client/dist');

const server = await startFellesplan({ env: { CLIENT_DIST: clientDist } });
try {
  const [plan14, plan60] = await seedPlans({ dataDir: server.dataDir }, [
    { title: 'Benk 14', sectionBytes: Array.from({ length: 14 }, () => 1500) },
    { title: 'Benk 60', sectionBytes: Array.from({ length: 60 }, () => 1500) },
  ]);
  if (!plan14 || !plan60) throw new Error('seeding failed');
  const page14 = await pageInteractive(server.base ?? '', plan14.planId, 14, RUNS);
  const page60 = await pageInteractive(server.base ?? '', plan60.planId, 60, RUNS);
  const result = {
    runs: RUNS,
    page14InteractiveP50Ms: round(median(page14), 0),
    page60InteractiveP50Ms: round(median(page60), 0),
    samples: { page14: page14.map((ms) => round(ms, 0)), page60: page60.map((ms) => round(ms, 0)) },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await server.stop();
}
