import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.js';
import { rawRequest, startFixture, type Fixture } from '../testing/index.js';

/**
 * Finding 8 of issue 8: 200 anonymous logins with made-up e-mails from one address each cost a
 * full scrypt, and with `trustProxy: true` any X-Forwarded-For made a new "address". A real
 * login waited behind all of them (171 ms → 23 s). Each side here leaves from its own loopback
 * address, so per-address limits apply as they would between two real clients.
 */
const ATTACKER = '127.0.0.2';
const USER = '127.0.0.3';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.destroy();
  f = undefined;
});

const anonymous = (i: number) => ({
  email: `anon${i}-${Math.random().toString(36).slice(2)}@example.no`,
  password: 'x',
});

describe('login under a flood', () => {
  // 200 logins at once, each one the server does not refuse a password check: far slower on a loaded machine.
  it('[S4] a real login succeeds while another address floods, and the flood gets 429s', async () => {
    const { trustProxy } = configFromEnv({ TRUST_PROXY: '1' });
    f = await startFixture({ config: { trustProxy, loginAttemptsPerAddressPerMinute: 10 } });
    const url = f.url;
    const finished: string[] = [];
    const flood = Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        rawRequest(url, '/api/session', { body: anonymous(i), localAddress: ATTACKER }).then((res) => {
          finished.push(`flood ${res.status}`);
          return res.status;
        }),
      ),
    );
    const real = await rawRequest(url, '/api/session', {
      body: { email: 'kommune@demo.no', password: 'demo' },
      localAddress: USER,
    });
    finished.push('real');
    const statuses = await flood;

    expect(real.status).toBe(200);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(180);
    expect(statuses.filter((s) => s !== 429 && s !== 503).every((s) => s === 401)).toBe(true);
    // Served in turn: the real user did not wait for the flood's password checks to drain.
    expect(finished.slice(finished.indexOf('real')).filter((s) => s === 'flood 401').length).toBeGreaterThan(0);
    const limited = JSON.parse(
      (await rawRequest(url, '/api/session', { body: anonymous(999), localAddress: ATTACKER })).body,
    ) as { error: { code: string } };
    expect(limited.error.code).toBe('too_many_attempts');
  }, 60_000);

  it('[S4] with TRUST_PROXY=1, rotating the leftmost X-Forwarded-For entries does not escape the address limit', async () => {
    const { trustProxy } = configFromEnv({ TRUST_PROXY: '1' });
    f = await startFixture({ config: { trustProxy, loginAttemptsPerAddressPerMinute: 5 } });
    const url = f.url;
    // What a client sends through one proxy: its own (forged) entries, then what the proxy appends.
    const viaProxy = (forged: string, client: string, i: number) =>
      rawRequest(url, '/api/session', {
        body: anonymous(i),
        headers: { 'x-forwarded-for': `${forged}, ${client}` },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await viaProxy(`10.0.${i}.${i}`, '203.0.113.7', i)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Another client behind the same proxy is not locked out by it.
    expect((await viaProxy('10.9.9.9', '198.51.100.4', 100)).status).toBe(401);
  });
});
