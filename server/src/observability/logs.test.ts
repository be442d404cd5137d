import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendParagraph, command, connectProvider, rawRequest, storedSectionText, waitFor } from '../testing/index.js';
import { startLoggedServer, type LoggedServer } from './startLoggedServer.js';

interface LogLine {
  msg?: string;
  reqId?: string;
  component?: string;
  socketId?: string;
  documentName?: string;
  req?: { url: string };
  res?: { statusCode: number };
}

// What a person wrote: it may be a health secret and must never reach the log, at any level.
const MARKER = 'HEMMELIG-MARKØR-7f3a2c';

describe('structured logs', () => {
  let logged: LoggedServer;
  let lines: () => LogLine[];
  beforeAll(async () => {
    logged = await startLoggedServer();
    lines = () => logged.logLines().map((line) => JSON.parse(line) as LogLine);
  });
  afterAll(() => logged.destroy());

  it('[OPS3] hold no section text or comment body, whatever was typed, commented or refused', async () => {
    const kommune = await logged.login('kommune@demo.no');
    const sekretariat = await logged.login('sekretariat@demo.no');
    const sectionId = logged.demo.sectionIds[4] ?? '';
    const editor = connectProvider(logged.url, kommune, `section:${sectionId}`);
    try {
      await editor.synced();
      appendParagraph(editor.doc, `Avsnitt med ${MARKER} i teksten.`);
      await waitFor(async () => (await storedSectionText(logged.server.db, sectionId)).includes(MARKER));
      const thread = await command(logged.url, kommune, 'threads.create', { sectionId, body: `Kommentar ${MARKER}` });
      expect(thread.status).toBe(200);
      const threadId = String(thread.body.id);
      expect(
        (await command(logged.url, sekretariat, 'threads.reply', { threadId, body: `Svar ${MARKER}` })).status,
      ).toBe(200);
      // Refusals log why; never what was sent.
      const stale = await command(logged.url, kommune, 'sections.mark', {
        sectionId,
        stance: 'reservation',
        note: `Merknad ${MARKER}`,
        revision: 'gammel-revisjon',
      });
      expect(stale.status).toBe(409);
      const invalid = await command(logged.url, kommune, 'sections.mark', { sectionId, stance: MARKER });
      expect(invalid.status).toBe(400);
      const tooLong = await command(logged.url, kommune, 'threads.reply', {
        threadId,
        body: `${MARKER} `.repeat(2000),
      });
      expect(tooLong.status).toBe(400);
      const content = await rawRequest(logged.url, `/api/sections/${sectionId}/content`, {
        headers: { authorization: `Bearer ${kommune}` },
      });
      expect(content.body).toContain(MARKER);
    } finally {
      editor.destroy();
    }
    await waitFor(() => lines().some((line) => line.msg === 'collaboration connection closed'));

    const leaking = logged.logLines().filter((line) => line.includes('MARK'));
    expect(leaking).toEqual([]);
  });

  it('[OPS4] carry the request id on every request line, and the response names it', async () => {
    const response = await rawRequest(logged.url, '/api/plans');
    expect(response.status).toBe(401);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const ofRequest = lines().filter((line) => line.reqId === id);
    expect(ofRequest.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
    // Every line Fastify writes about a request names which one, refused or not.
    await rawRequest(logged.url, '/api/health');
    await rawRequest(logged.url, '/api/session', { body: { email: 'x@demo.no', password: 'feil' } });
    await rawRequest(logged.url, '/api/commands/sections.mark', { body: {} });
    const requestLines = lines().filter((line) => line.req !== undefined || line.res !== undefined);
    expect(requestLines.length).toBeGreaterThanOrEqual(8);
    for (const line of requestLines) expect(line.reqId).toEqual(expect.any(String));
  });

  it('[OPS4] take the id a trusted proxy sends, and make a new one for an id that is not sane', async () => {
    // Test servers trust one proxy hop, and the test's own requests are that hop.
    const proxied = await rawRequest(logged.url, '/api/health', { headers: { 'x-request-id': 'nginx-5f2b9c01' } });
    expect(proxied.headers['x-request-id']).toBe('nginx-5f2b9c01');
    expect(lines().some((line) => line.reqId === 'nginx-5f2b9c01' && line.msg === 'request completed')).toBe(true);
    const forged = await rawRequest(logged.url, '/api/health', { headers: { 'x-request-id': 'a b {"level":60}' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('[OPS4] name the socket of every collaboration connection that opens and closes', async () => {
    const token = await logged.login('hf@demo.no');
    const reader = connectProvider(logged.url, token, `section:${logged.demo.sectionIds[0] ?? ''}`);
    await reader.synced();
    reader.destroy();
    await waitFor(() => lines().some((line) => line.msg === 'collaboration connection closed'));
    const collab = lines().filter((line) => line.msg?.startsWith('collaboration connection'));
    expect(collab.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['collaboration connection opened', 'collaboration connection closed']),
    );
    for (const line of collab) {
      expect(line).toMatchObject({
        component: 'collab',
        socketId: expect.any(String),
        documentName: expect.any(String),
      });
    }
  });
});
