import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  command,
  connectProvider,
  rawRequest,
  startTestServer,
  storedSectionText,
  waitFor,
  type DemoTokens,
  type TestServer,
} from '../testing/index.js';

type Samples = Map<string, number>;

/** The text format as Prometheus reads it: `name{labels} value` per line, comments skipped. */
function parseExposition(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) throw new Error(`not a sample line: ${line}`);
    samples.set(match[1], Number(match[2]));
  }
  return samples;
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<Samples> {
  const response = await rawRequest(url, '/metrics', { headers });
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(response.body);
}

const value = (samples: Samples, key: string) => samples.get(key) ?? 0;

describe('/metrics', () => {
  let server: TestServer;
  let tokens: DemoTokens;
  beforeAll(async () => {
    server = await startTestServer();
    tokens = await server.loginEveryone();
  });
  afterAll(() => server.destroy());

  it('[OPS1] counts connections, documents, messages, store writes, commands and their errors', async () => {
    const before = await scrape(server.url);
    const sectionId = server.demo.sectionIds[4] ?? '';
    const editor = connectProvider(server.url, tokens.kommune, `section:${sectionId}`);
    try {
      await editor.synced();
      appendParagraph(editor.doc, 'Målt avsnitt');
      await waitFor(async () => (await storedSectionText(server.db, sectionId)).includes('Målt avsnitt'));

      const { body: thread } = await command(server.url, tokens.kommune, 'threads.create', {
        sectionId,
        body: 'En kommentar',
      });
      expect(thread.id).toEqual(expect.any(String));
      const refused = await command(server.url, tokens.kommune, 'sections.lock', { sectionId });
      expect(refused.status).toBe(403);
      const invalid = await command(server.url, tokens.kommune, 'threads.create', { sectionId });
      expect(invalid.status).toBe(400);

      const during = await scrape(server.url);
      expect(value(during, 'fellesplan_collab_connections')).toBeGreaterThanOrEqual(1);
      expect(value(during, 'fellesplan_collab_documents_loaded')).toBeGreaterThanOrEqual(1);
      expect(value(during, 'fellesplan_collab_messages_received_total')).toBeGreaterThan(
        value(before, 'fellesplan_collab_messages_received_total'),
      );
      const appends = 'fellesplan_store_duration_seconds_count{operation="append"}';
      expect(value(during, appends)).toBeGreaterThan(value(before, appends));
      expect(value(during, 'fellesplan_command_duration_seconds_count{command="threads.create"}')).toBe(2);
      expect(value(during, 'fellesplan_command_duration_seconds_count{command="sections.lock"}')).toBe(1);
      // Labelled with the code the client was answered with.
      const lockErrors = `fellesplan_command_errors_total{command="sections.lock",code="${refused.body.error?.code}"}`;
      expect(value(during, lockErrors)).toBe(1);
      const threadErrors = `fellesplan_command_errors_total{command="threads.create",code="${invalid.body.error?.code}"}`;
      expect(value(during, threadErrors)).toBe(1);
      // prom-client's process metrics come along.
      expect(during.has('process_cpu_user_seconds_total')).toBe(true);
      expect(during.has('nodejs_eventloop_lag_seconds')).toBe(true);
    } finally {
      editor.destroy();
    }
    await waitFor(async () => value(await scrape(server.url), 'fellesplan_collab_connections') === 0);
  });

  it('[OPS2] without METRICS_TOKEN answers only a scraper on this machine, not one behind a proxy or a rebound name', async () => {
    const forwarded = await rawRequest(server.url, '/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(forwarded.status).toBe(403);
    expect(JSON.parse(forwarded.body)).toMatchObject({ error: { code: 'forbidden' } });
    const rebound = await rawRequest(server.url, '/metrics', { headers: { host: 'evil.example:80' } });
    expect(rebound.status).toBe(403);
    expect((await rawRequest(server.url, '/metrics', { headers: { host: 'localhost' } })).status).toBe(200);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const token = 'skrap-meg-med-dette-lange-tokenet';
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { metricsToken: token } });
  });
  afterAll(() => server.destroy());

  it('[OPS2] asks everyone for the bearer token, and takes it from any address and host', async () => {
    expect((await rawRequest(server.url, '/metrics')).status).toBe(401);
    const wrong = await rawRequest(server.url, '/metrics', { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ error: { code: 'unauthenticated' } });
    const samples = await scrape(server.url, {
      authorization: `Bearer ${token}`,
      host: '10.0.0.7:8080',
      'x-forwarded-for': '10.0.0.2',
    });
    expect(samples.has('fellesplan_collab_connections')).toBe(true);
  });
});
