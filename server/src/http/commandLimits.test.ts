import { describe, expect, it } from 'vitest';
import { api, command, startFixture, useFixture } from '../testing/index.js';

type Reply = { error?: { code: string; message: string } };

describe('rate limits on commands (RL1)', () => {
  it('[RL1] one user flooding gets 429 with Retry-After; others work on until the plan limit; outsiders cost the plan nothing', async () => {
    const f = await startFixture({ commandLimits: { perUserPerMinute: 5, perPlanPerMinute: 8 } });
    try {
      const sectionId = f.section('Kunnskapsgrunnlag og utfordringsbilde').id;
      const comment = (token: string, body = 'Innspill.') =>
        command(f.url, token, 'threads.create', { sectionId, body });

      // A member of another plan is refused (404) before the plan is charged.
      for (let n = 0; n < 5; n++) expect((await comment(f.other.token('kommune'))).status).toBe(404);

      // Every command counts against the user, whatever it is.
      expect((await comment(f.token('helseforetak'))).status).toBe(200);
      expect(
        (await command(f.url, f.token('helseforetak'), 'sections.mark', { sectionId, stance: 'agree' })).status,
      ).toBe(200);
      expect((await comment(f.token('helseforetak'))).status).toBe(200);
      expect(
        (await command(f.url, f.token('helseforetak'), 'sections.mark', { sectionId, stance: 'abstain' })).status,
      ).toBe(200);
      expect((await comment(f.token('helseforetak'))).status).toBe(200);
      const cut = await comment(f.token('helseforetak'));
      expect(cut.status).toBe(429);
      expect(cut.body.error).toEqual({
        code: 'too_many_requests',
        message: 'Du har sendt for mange endringer på kort tid. Vent litt og prøv igjen.',
      });
      expect(Number(cut.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const nynorsk = await api<Reply>(f.url, '/api/commands/sections.mark', {
        token: f.token('helseforetak'),
        body: { sectionId, stance: 'agree' },
        headers: { 'accept-language': 'nn' },
      });
      expect(nynorsk.status).toBe(429);
      expect(nynorsk.body.error?.message).toBe(
        'Du har sendt for mange endringar på kort tid. Vent litt og prøv igjen.',
      );

      // The plan has used 5 of 8: another member still works, until the plan's limit.
      for (let n = 0; n < 3; n++) expect((await comment(f.token('kommune'))).status).toBe(200);
      const planCut = await comment(f.token('bruker'));
      expect(planCut.status).toBe(429);
      expect(planCut.body.error?.code).toBe('too_many_requests');

      // Nothing of a refused command was kept.
      const threads = await api<unknown[]>(f.url, `/api/plans/${f.demo.plan.id}/threads`, {
        token: f.token('bruker'),
      });
      expect(threads.body).toHaveLength(6);

      // Another plan has its own budget.
      const other = await command(f.url, f.other.token('hf'), 'threads.create', {
        sectionId: f.other.section('Innledning').id,
        body: 'Hei.',
      });
      expect(other.status).toBe(200);
    } finally {
      await f.destroy();
    }
  });
});

describe('the default limits and real work (RL1)', () => {
  const f = useFixture();

  it('[RL1] a meeting in which every party agrees to every section and the sekretariat locks them all is never refused', async () => {
    const statuses: number[] = [];
    const sectionIds = f.demo.plan.sections.map((section) => section.id);
    for (const party of ['kommune', 'helseforetak', 'fastlege', 'bruker'])
      for (const sectionId of sectionIds)
        statuses.push((await command(f.url, f.token(party), 'sections.mark', { sectionId, stance: 'agree' })).status);
    for (const sectionId of sectionIds)
      statuses.push((await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId })).status);
    // One person commenting as fast as they can type and click, on top.
    for (let n = 0; n < 40; n++)
      statuses.push(
        (
          await command(f.url, f.token('bruker'), 'threads.create', {
            sectionId: sectionIds[n % sectionIds.length],
            body: `Merknad ${n + 1}.`,
          })
        ).status,
      );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(sectionIds.length * 5 + 40);
  });
});
