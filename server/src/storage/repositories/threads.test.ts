import { planDocumentName, type ThreadView } from '@fellesplan/domain';
import { readProjection } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { api, connectProvider, insertThreads, useTestServer, waitFor, type TestServer } from '../../testing/index.js';

let server: TestServer;
let token = '';
useTestServer((started, tokens) => {
  server = started;
  token = tokens.bruker;
});

// SQLite refuses a statement with more than 32,766 bound variables; a flood of threads got there.
const FLOOD = 33_000;

describe('listing threads at any count', () => {
  it('[T5] GET /threads and the plan projection still work with more threads than SQLite has variables', async () => {
    await insertThreads(server.db, {
      planId: server.demo.planId,
      sectionId: server.demo.sectionIds[1] ?? '',
      authorId: server.demo.userIds['bruker@demo.no'] ?? '',
      partyId: server.demo.partyIds.bruker ?? '',
      threads: FLOOD,
      mentionPartyId: server.demo.partyIds.kommune,
    });

    const listed = await api<ThreadView[]>(server.url, `/api/plans/${server.demo.planId}/threads`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(FLOOD);
    expect(listed.body[FLOOD - 1]?.comments[0]).toMatchObject({
      body: 'Innspill 1',
      mentions: [{ kind: 'party', id: server.demo.partyIds.kommune }],
    });

    const observer = connectProvider(server.url, token, planDocumentName(server.demo.planId));
    await observer.synced();
    const projected = await waitFor(() => readProjection(observer.doc)?.threads, { timeout: 60_000 });
    expect(projected).toHaveLength(FLOOD);
    expect(projected.map((t) => t.id)).toEqual(listed.body.map((t) => t.id));
    observer.destroy();
  }, 180_000);
});
