import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { configFromEnv } from '../config.js';
import { connectProvider, rawRequest, startFixture, type Fixture } from '../testing/index.js';

/**
 * Finding 9 of issue 8: no CSP, frame-ancestors, nosniff or referrer policy, and any `Host`
 * was served, so a page on a rebound DNS name could drive a locally running instance.
 */
let f: Fixture;
let clientDist: string;
beforeAll(async () => {
  clientDist = mkdtempSync(path.join(tmpdir(), 'fellesplan-dist-'));
  mkdirSync(path.join(clientDist, 'assets'));
  writeFileSync(path.join(clientDist, 'index.html'), '<!doctype html><title>Fellesplan</title>');
  writeFileSync(path.join(clientDist, 'assets/app.js'), 'export {};');
  f = await startFixture({ config: { clientDist } });
});
afterAll(async () => {
  await f.destroy();
  rmSync(clientDist, { recursive: true, force: true });
});

function expectSecurityHeaders(headers: IncomingHttpHeaders): void {
  const csp = String(headers['content-security-policy']);
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain('unsafe-');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
}

type ErrorBody = { error: { code: string; message: string } };

describe('security headers', () => {
  it('[H1] are on API, static, client-route and error responses', async () => {
    for (const [url, status] of [
      ['/api/health', 200],
      ['/api/plans', 401],
      ['/api/nothing-here', 404],
      ['/', 200],
      ['/assets/app.js', 200],
      ['/plans/abc', 200],
    ] as const) {
      const res = await rawRequest(f.url, url);
      expect(res.status, url).toBe(status);
      expectSecurityHeaders(res.headers);
    }
    const badJson = await rawRequest(f.url, '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    expectSecurityHeaders(badJson.headers);
  });
});

describe('allowed hosts', () => {
  it('[H2] a foreign Host is refused on the API with 421 invalid_host, in nynorsk when asked', async () => {
    for (const host of [
      `evil.example:${f.server.port}`,
      `evil.example@127.0.0.1:${f.server.port}`,
      'localhost.evil.example',
    ]) {
      const res = await rawRequest(f.url, '/api/plans', { headers: { host } });
      expect(res.status, host).toBe(421);
      expect((JSON.parse(res.body) as ErrorBody).error.code).toBe('invalid_host');
      expectSecurityHeaders(res.headers);
    }
    const nn = await rawRequest(f.url, '/api/plans', {
      headers: { host: 'evil.example', 'accept-language': 'nn' },
    });
    expect((JSON.parse(nn.body) as ErrorBody).error.message).toMatch(/Tenaren svarar ikkje/);
  });

  it('[H2] a foreign Host is refused on the /collab upgrade; an allowed one connects', async () => {
    const upgrade = (host: string) =>
      new Promise<number | 'open'>((resolve, reject) => {
        const ws = new WebSocket(`${f.url.replace(/^http/, 'ws')}/collab`, { headers: { host } });
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          ws.terminate();
        });
        ws.on('error', reject);
      });
    expect(await upgrade(`evil.example:${f.server.port}`)).toBe(421);
    expect(await upgrade(`localhost:${f.server.port}`)).toBe('open');
    const provider = connectProvider(f.url, f.token('kommune'), f.demo.plan.documentName);
    await provider.synced();
    provider.destroy();
  });

  it('[H2] the loopback names work by default; with PUBLIC_URL only its host does', async () => {
    for (const host of [`127.0.0.1:${f.server.port}`, `localhost:${f.server.port}`, `[::1]:${f.server.port}`]) {
      expect((await rawRequest(f.url, '/api/plans', { headers: { host } })).status, host).toBe(401);
    }
    const { allowedHosts } = configFromEnv({ PUBLIC_URL: 'https://plan.example.no' });
    const deployed = await startFixture({ config: { allowedHosts } });
    try {
      expect((await rawRequest(deployed.url, '/api/plans', { headers: { host: 'plan.example.no' } })).status).toBe(401);
      expect((await rawRequest(deployed.url, '/api/plans')).status).toBe(421);
      // Load balancers probe health by address.
      expect((await rawRequest(deployed.url, '/api/health')).status).toBe(200);
    } finally {
      await deployed.destroy();
    }
  });
});

describe('configuration of hosts', () => {
  it('[H2] defaults to loopback and HOST; ALLOWED_HOSTS and PUBLIC_URL replace them; nonsense stops the start', () => {
    expect(configFromEnv({}).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(configFromEnv({ HOST: 'fellesplan.lan' }).allowedHosts).toContain('fellesplan.lan');
    expect(configFromEnv({ HOST: '0.0.0.0' }).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(
      configFromEnv({ PUBLIC_URL: 'https://plan.example.no', ALLOWED_HOSTS: 'intern.lan:8080, 10.0.0.5' }).allowedHosts,
    ).toEqual(['plan.example.no', 'intern.lan:8080', '10.0.0.5']);
    expect(() => configFromEnv({ PUBLIC_URL: 'plan.example.no' })).toThrow(/PUBLIC_URL/);
    expect(() => configFromEnv({ ALLOWED_HOSTS: 'evil@plan.example.no' })).toThrow(/ALLOWED_HOSTS/);
  });
});
