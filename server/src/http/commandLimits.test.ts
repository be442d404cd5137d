import { describe, expect, it } from 'vitest';
import { api, command, startTestServer, useTestServer, type DemoTokens, type TestServer } from '../testing/index.js';

type Reply = { error?: { code: string; message: string } };

describe('rate limits on commands (RL1)', () => {
  it('[RL1] one user flooding gets 429 with Retry-After; others work on until the plan limit; outsiders cost the plan nothing', async () => {
    const server = await startTestServer({ commandLimits: { perUserPerMinute: 5, perPlanPerMinute: 8 } });
    try {
      const tokens = await server.loginEveryone();
      const sectionId = server.demo.sectionIds[2];
      const comment = (token: string, body = 'Innspill.') =>
        command(server.url, token, 'threads.create', { sectionId, body });

      // A member of another plan is refused (404) before the plan is charged.
      for (let n = 0; n < 5; n++) expect((await comment(tokens.annen)).status).toBe(404);

      // Every command counts against the user, whatever it is.
      expect((await comment(tokens.hf)).status).toBe(200);
      expect((await command(server.url, tokens.hf, 'sections.mark', { sectionId, stance: 'agree' })).status).toBe(200);
      expect((await comment(tokens.hf)).status).toBe(200);
      expect((await command(server.url, tokens.hf, 'sections.mark', { sectionId, stance: 'abstain' })).status).toBe(
        200,
      );
      expect((await comment(tokens.hf)).status).toBe(200);
      const cut = await comment(tokens.hf);
      expect(cut.status).toBe(429);
      expect(cut.body.error).toEqual({
        code: 'too_many_requests',
        message: 'Du har sendt for mange endringer på kort tid. Vent litt og prøv igjen.',
      });
      expect(Number(cut.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const nynorsk = await api<Reply>(server.url, '/api/commands/sections.mark', {
        token: tokens.hf,
        body: { sectionId, stance: 'agree' },
        headers: { 'accept-language': 'nn' },
      });
      expect(nynorsk.status).toBe(429);
      expect(nynorsk.body.error?.message).toBe(
        'Du har sendt for mange endringar på kort tid. Vent litt og prøv igjen.',
      );

      // The plan has used 5 of 8: another member still works, until the plan's limit.
      for (let n = 0; n < 3; n++) expect((await comment(tokens.kommune)).status).toBe(200);
      const planCut = await comment(tokens.bruker);
      expect(planCut.status).toBe(429);
      expect(planCut.body.error?.code).toBe('too_many_requests');

      // Nothing of a refused command was kept.
      const threads = await api<unknown[]>(server.url, `/api/plans/${server.demo.planId}/threads`, {
        token: tokens.bruker,
      });
      expect(threads.body).toHaveLength(6);

      // Another plan has its own budget.
      const other = await command(server.url, await server.login('hf@annet.no'), 'threads.create', {
        sectionId: server.other.sectionIds[0],
        body: 'Hei.',
      });
      expect(other.status).toBe(200);
    } finally {
      await server.destroy();
    }
  });
});

describe('the default limits and real work (RL1)', () => {
  let server: TestServer;
  let tokens: DemoTokens;
  useTestServer((started, loggedIn) => {
    server = started;
    tokens = loggedIn;
  });

  it('[RL1] a meeting in which every party agrees to every section and the sekretariat locks them all is never refused', async () => {
    const statuses: number[] = [];
    for (const party of ['kommune', 'hf', 'fastlege', 'bruker'])
      for (const sectionId of server.demo.sectionIds)
        statuses.push(
          (await command(server.url, tokens[party] ?? '', 'sections.mark', { sectionId, stance: 'agree' })).status,
        );
    for (const sectionId of server.demo.sectionIds)
      statuses.push((await command(server.url, tokens.sekretariat, 'sections.lock', { sectionId })).status);
    // One person commenting as fast as they can type and click, on top.
    for (let n = 0; n < 40; n++)
      statuses.push(
        (
          await command(server.url, tokens.bruker, 'threads.create', {
            sectionId: server.demo.sectionIds[n % server.demo.sectionIds.length],
            body: `Merknad ${n + 1}.`,
          })
        ).status,
      );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(server.demo.sectionIds.length * 5 + 40);
  });
});
