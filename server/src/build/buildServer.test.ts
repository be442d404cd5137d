import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_DIST } from '../config.js';
import { SERVER_ENTRY } from './buildServer.js';
import { api } from '../testing/api.js';
import { spawnServer, type SpawnedServer } from '../testing/spawnServer.js';

/**
 * The compiled server (server/dist, brought up to date by vitest's global setup) as `npm start`
 * runs it: it starts, answers, finds the built client where the sources would, and runs document
 * work in the compiled worker next to it.
 */
describe('the server build', () => {
  let dataDir: string;
  let server: SpawnedServer;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-build-'));
    // CLIENT_DIST unset: the built server computes the default from its own location.
    server = await spawnServer(dataDir, { CLIENT_DIST: undefined }, { build: true });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs node on server/dist/main.mjs, not the sources under tsx', () => {
    expect(server.process.spawnargs.slice(1)).toEqual(['--enable-source-maps', SERVER_ENTRY]);
  });

  it('has every worker entry the bundle loads by URL (document work, the SQLite writer) next to it', () => {
    const dist = path.dirname(SERVER_ENTRY);
    // A worker whose file is missing fails silently where work falls back to the main thread.
    const loaded = readdirSync(dist)
      .filter((file) => file.endsWith('.mjs'))
      .flatMap((file) =>
        [
          ...readFileSync(path.join(dist, file), 'utf8').matchAll(/new URL\("\.\/([^"]+\.mjs)", import\.meta\.url\)/g),
        ].map((match) => match[1] ?? ''),
      );
    expect(loaded).toEqual(expect.arrayContaining(['documentWorker.mjs', 'sqliteWriter.worker.mjs']));
    for (const file of loaded) expect(existsSync(path.join(dist, file)), file).toBe(true);
  });

  it('answers /api/health', async () => {
    const health = await api<{ ok: boolean; database: string }>(server.url, '/api/health');
    expect([health.status, health.body.ok, health.body.database]).toEqual([200, true, 'ok']);
  });

  it('looks for the built client in client/dist, as the sources do', async () => {
    if (existsSync(path.join(DEFAULT_CLIENT_DIST, 'index.html'))) {
      const page = await fetch(`${server.url}/`);
      expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    } else {
      expect(server.output()).toContain(`"dist":${JSON.stringify(DEFAULT_CLIENT_DIST)}`);
    }
  });

  it('exports Word through the compiled document worker', async () => {
    const login = await api<{ token: string }>(server.url, '/api/session', {
      body: { email: 'kommune@demo.no', password: 'demo' },
    });
    const plans = await api<{ id: string }[]>(server.url, '/api/plans', { token: login.body.token });
    const response = await fetch(`${server.url}/api/plans/${plans.body[0]?.id}/export.docx`, {
      headers: { authorization: `Bearer ${login.body.token}` },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.status).toBe(200);
    // A docx is a zip: it starts with the local file header's "PK".
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
  });
});
