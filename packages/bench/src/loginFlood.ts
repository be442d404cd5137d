import { request } from 'node:http';
import { startFellesplan } from './targets.js';

/**
 * `tsx src/loginFlood.ts`: how long one real login takes while another address floods the
 * login endpoint with anonymous attempts (random e-mails). Each side binds its own loopback
 * address, so per-address limits apply as they would to two real clients.
 */
const FLOOD = Number(process.env.FLOOD_LOGINS ?? 200);
const ATTACKER = '127.0.0.2';
const USER = '127.0.0.3';

function login(base: string, localAddress: string, email: string, password: string): Promise<number> {
  const url = new URL('/api/session', base);
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function timedLogin(base: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const status = await login(base, USER, 'kommune@demo.no', 'demo');
  return { status, ms: Math.round(performance.now() - started) };
}

const target = await startFellesplan();
try {
  const base = target.url.replace(/^ws/, 'http').replace(/\/collab$/, '');
  await timedLogin(base); // warm-up
  const quiet = await timedLogin(base);
  const flood = Promise.all(
    Array.from({ length: FLOOD }, (_, i) =>
      login(base, ATTACKER, `anon${i}-${Math.random().toString(36).slice(2)}@example.no`, 'x').catch(() => 0),
    ),
  );
  const underFlood = await timedLogin(base);
  const statuses = await flood;
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  process.stdout.write(
    `${JSON.stringify({ flood: FLOOD, quietLogin: quiet, loginUnderFlood: underFlood, floodStatuses: counts })}\n`,
  );
} finally {
  await target.stop();
}
