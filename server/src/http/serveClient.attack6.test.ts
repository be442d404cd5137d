import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startFixture, type Fixture } from '../testing/index.js';

let f: Fixture;
let root: string;
const SCRIPT = '/assets/index-AbC123.js';

beforeAll(async () => {
  // The dist sits inside a folder holding a secret, so climbing out of it would find something.
  root = mkdtempSync(path.join(tmpdir(), 'fellesplan-root-'));
  const dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'secret.txt'), 'HEMMELIG');
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Fellesplan</title>');
  writeFileSync(path.join(dist, SCRIPT), 'export const x = 1;\n');
  writeFileSync(path.join(dist, `${SCRIPT}.map`), '{"version":3,"sources":["secret.ts"]}');
  f = await startFixture({ config: { clientDist: dist } });
});
afterAll(async () => {
  await f.destroy();
  rmSync(root, { recursive: true, force: true });
});

describe('the served client under encoded paths', () => {
  it('[H4] percent-encoded, doubled-slash and dotted variants never reach a source map or a file outside dist', async () => {
    const urls = [
      `${SCRIPT}.ma%70`,
      `${SCRIPT}%2emap`,
      `${SCRIPT}.map/`,
      `${SCRIPT}.map%2f`,
      `${SCRIPT}.map.`,
      '/assets//index-AbC123.js.map',
      '/assets/%2e%2e/assets/index-AbC123.js.map',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/..%252fsecret.txt',
    ];
    for (const url of urls) {
      for (const method of ['GET', 'HEAD']) {
        const res = await rawRequest(f.url, url, { method, headers: { 'accept-encoding': 'br, gzip' } });
        expect(res.body, `${method} ${url}`).not.toContain('secret.ts');
        expect(res.body, `${method} ${url}`).not.toContain('HEMMELIG');
        expect(res.headers['content-type'] ?? '', `${method} ${url}`).not.toContain('javascript');
      }
    }
  });
});
