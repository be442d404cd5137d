import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startFixture, type Fixture } from '../testing/index.js';

/**
 * Issue 11 point 10: the app was one script sent uncompressed with `max-age=0`, and its source
 * map was public. A dist laid out as `vite build` leaves it (with the build's .br/.gz siblings).
 */
let f: Fixture;
let clientDist: string;
// Repetitive, so each encoding is clearly smaller than the original and cannot pass by accident.
const script = Buffer.from(`export const words = ${JSON.stringify('helsefellesskap '.repeat(500))};\n`);
const SCRIPT = '/assets/index-AbC123.js';

beforeAll(async () => {
  clientDist = mkdtempSync(path.join(tmpdir(), 'fellesplan-dist-'));
  mkdirSync(path.join(clientDist, 'assets'));
  writeFileSync(path.join(clientDist, 'index.html'), '<!doctype html><title>Fellesplan</title>');
  writeFileSync(path.join(clientDist, SCRIPT), script);
  writeFileSync(path.join(clientDist, `${SCRIPT}.br`), brotliCompressSync(script));
  writeFileSync(path.join(clientDist, `${SCRIPT}.gz`), gzipSync(script));
  writeFileSync(path.join(clientDist, `${SCRIPT}.map`), '{"version":3,"sources":["secret.ts"]}');
  writeFileSync(path.join(clientDist, 'assets/plain-Xy9.css'), 'body{color:black}');
  f = await startFixture({ config: { clientDist } });
});
afterAll(async () => {
  await f.destroy();
  rmSync(clientDist, { recursive: true, force: true });
});

describe('serving the built client', () => {
  it('[H3] sends a hashed script as brotli to a browser that accepts it, the same bytes once decoded', async () => {
    const res = await rawRequest(f.url, SCRIPT, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.bytes.length).toBeLessThan(script.length);
    expect(brotliDecompressSync(res.bytes).equals(script)).toBe(true);
    // The security headers stay on compressed answers too.
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('[H3] sends gzip to a browser without brotli, and identity to one that asks for nothing', async () => {
    const gz = await rawRequest(f.url, SCRIPT, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.bytes).equals(script)).toBe(true);

    const plain = await rawRequest(f.url, SCRIPT);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.equals(script)).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // An asset the build did not compress is still served, plainly, to a brotli browser.
    const css = await rawRequest(f.url, '/assets/plain-Xy9.css', { headers: { 'accept-encoding': 'br' } });
    expect(css.status).toBe(200);
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body).toBe('body{color:black}');
  });

  it('[H3] index.html and the shell of client routes are revalidated every time', async () => {
    for (const url of ['/', '/index.html', '/plans/abc', '/admin/parter']) {
      const res = await rawRequest(f.url, url, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.status, url).toBe(200);
      expect(res.body, url).toContain('<title>Fellesplan</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('[H3] a missing asset is a 404, not the app shell with a script type', async () => {
    const res = await rawRequest(f.url, '/assets/index-Gone000.js', { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(404);
    expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('[H4] a source map is never served, whatever the path or encoding asked', async () => {
    for (const url of [`${SCRIPT}.map`, `${SCRIPT}.map?x=1`, '/assets/../assets/index-AbC123.js.map', '/x.map']) {
      for (const encoding of ['', 'br', 'gzip']) {
        const res = await rawRequest(f.url, url, { headers: encoding ? { 'accept-encoding': encoding } : {} });
        expect(res.status, `${url} ${encoding}`).toBe(404);
        expect(res.body).not.toContain('secret.ts');
      }
    }
  });
});
