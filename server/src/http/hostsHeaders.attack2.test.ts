import { describe, expect, it } from 'vitest';
import { rawRequest, useFixture } from '../testing/index.js';

const f = useFixture();

const foreignHosts = [
  'evil.example',
  'evil.example.',
  'EVIL.EXAMPLE:80',
  '127.0.0.1.evil.example',
  'localhost.evil.example',
  'localhost@evil.example',
  'evil.example#127.0.0.1',
  '[::1].evil.example',
  '[::ffff:7f00:1]:1',
];

describe('allowed hosts and security headers', () => {
  it.each(foreignHosts)('[H2] refuses Host %j on the API', async (host) => {
    const response = await rawRequest(f.url, `/api/plans/${f.demo.plan.id}`, { headers: { host } });
    expect(response.status).not.toBe(200);
    expect(response.status).not.toBe(401);
  });

  it.each(['LOCALHOST', 'localhost.', '127.0.0.1:1'])('[H2] still answers a loopback variant %j', async (host) => {
    const response = await rawRequest(f.url, '/api/session', { headers: { host } });
    expect(response.status).toBe(401);
  });

  it.each([
    ['404', '/api/finnes-ikke', {}],
    ['401', '/api/session', {}],
    ['421', '/api/session', { host: 'evil.example' }],
    ['health', '/api/health', { host: 'evil.example' }],
    ['400 bad json', '/api/session', { 'content-type': 'application/json' }, 'POST'],
  ] as [string, string, Record<string, string>, string?][])(
    '[H1] %s answers carry the security headers',
    async (_label, path, headers, method?: string) => {
      const response = await rawRequest(f.url, path, { headers: { ...headers }, method });
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  // Up to 60 password checks before the limit: about 15 s here, twice that on a loaded machine.
  it('[L1] rotating X-Forwarded-For in front of the trusted proxy does not reset the login limit per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      const response = await rawRequest(f.url, '/api/session', {
        body: { email: `x${i}@demo.no`, password: 'feil' },
        headers: { 'x-forwarded-for': `203.0.113.${i % 250}, 198.51.100.7` },
      });
      statuses.push(response.status);
    }
    expect(statuses).toContain(429);
  }, 60_000);
});
