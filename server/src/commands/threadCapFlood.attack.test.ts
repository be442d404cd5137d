import { COMMENT_LIMITS } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { command, insertThreads, useTestServer, type DemoTokens, type TestServer } from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

describe('comment caps under a flood', () => {
  it('[T6][RL1] one member filling their party’s open-thread cap does not stop the others from commenting', async () => {
    // What one member's allowed command rate reaches in well under an hour.
    const author = server.demo.userIds['bruker@demo.no'] ?? '';
    const partyId = server.demo.partyIds.bruker ?? '';
    let left: number = COMMENT_LIMITS.openThreadsPerParty;
    for (const sectionId of server.demo.sectionIds.slice(0, 3)) {
      const threads = Math.min(left, COMMENT_LIMITS.threadsPerSectionPerParty - 10);
      await insertThreads(server.db, { planId: server.demo.planId, sectionId, authorId: author, partyId, threads });
      left -= threads;
    }
    const honest = await command(server.url, tokens.kommune, 'threads.create', {
      sectionId: server.demo.sectionIds[9] ?? '',
      body: 'Et ærlig innspill',
    });
    expect(honest.status).toBe(200);
    // The flooding party itself is at its cap.
    const more = await command(server.url, tokens.bruker, 'threads.create', {
      sectionId: server.demo.sectionIds[9] ?? '',
      body: 'Enda ett',
    });
    expect(more.body.error?.code).toBe('too_many_open_threads');
  });
});
