import type { PlanSummaryView, PlanView, SectionContentView } from '@fellesplan/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../testing/index.js';

let server: TestServer;
let kommune: string;
let annen: string;
beforeAll(async () => {
  server = await startTestServer();
  kommune = await server.login('kommune@demo.no');
  annen = await server.login('kommune@annet.no');
});
afterAll(() => server.destroy());

describe('plans API', () => {
  it('lists only the plans the caller takes part in', async () => {
    const mine = await api<PlanSummaryView[]>(server.url, '/api/plans', { token: kommune });
    expect(mine.body).toEqual([
      {
        id: server.demo.planId,
        title: 'Felles utviklingsplan 2027–2030',
        forum: 'Strategisk samarbeidsutvalg',
        sectionCount: 14,
      },
    ]);
    const theirs = await api<PlanSummaryView[]>(server.url, '/api/plans', { token: annen });
    expect(theirs.body.map((p) => p.id)).toEqual([server.other.planId]);
  });

  it('requires a session', async () => {
    const res = await api<{ error: { code: string } }>(server.url, '/api/plans');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('returns the plan with parties and sections in order, with owners and required parties', async () => {
    const { status, body } = await api<PlanView>(server.url, `/api/plans/${server.demo.planId}`, { token: kommune });
    expect(status).toBe(200);
    expect(body.parties.map((p) => [p.name, p.kind])).toEqual([
      ['Demo kommune', 'kommune'],
      ['Demo HF', 'helseforetak'],
      ['Fastlegene', 'fastlege'],
      ['Brukerrådet', 'bruker'],
      ['Sekretariatet', 'sekretariat'],
    ]);
    expect(body.sections).toHaveLength(14);
    expect(body.sections.map((s) => s.title)[0]).toBe('Innledning og mandat');
    expect(body.sections.map((s) => s.position)).toEqual([...Array(14).keys()]);
    const ids = server.demo.partyIds;
    const brukermedvirkning = body.sections[11];
    expect(brukermedvirkning?.title).toBe('Brukermedvirkning');
    expect(brukermedvirkning?.owners.sort()).toEqual([ids.bruker, ids.kommune, ids.helseforetak].sort());
    expect(brukermedvirkning?.requiredParties.sort()).toEqual(
      [ids.kommune, ids.helseforetak, ids.fastlege, ids.bruker].sort(),
    );
    for (const section of body.sections) {
      expect(section).toMatchObject({ status: 'draft', locked: false, markers: [] });
      expect(section.revision).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('[M1] hides plans of other helsefellesskap behind 404', async () => {
    const res = await api<{ error: { code: string } }>(server.url, `/api/plans/${server.demo.planId}`, {
      token: annen,
    });
    expect(res.status).toBe(404);
    const bad = await api<{ error: { code: string; field: string } }>(server.url, '/api/plans/..%2F..', {
      token: kommune,
    });
    expect(bad.status).toBe(400);
  });

  it('returns section content as Tiptap JSON and plain text, to members only', async () => {
    const sectionId = server.demo.sectionIds[0] ?? '';
    const { body } = await api<SectionContentView>(server.url, `/api/sections/${sectionId}/content`, {
      token: kommune,
    });
    expect(body.text).toMatch(/^Bakgrunn\n\nRegjeringen og KS/);
    const json = body.json as { type: string; content: { type: string; attrs?: unknown }[] };
    expect(json.type).toBe('doc');
    expect(json.content[0]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    const plan = await api<PlanView>(server.url, `/api/plans/${server.demo.planId}`, { token: kommune });
    expect(body.revision).toBe(plan.body.sections[0]?.revision);
    const foreign = await api(server.url, `/api/sections/${sectionId}/content`, { token: annen });
    expect(foreign.status).toBe(404);
  });

  it('answers unknown commands with 404 unknown_command', async () => {
    const res = await api<{ error: { code: string } }>(server.url, '/api/commands/sections.explode', {
      token: kommune,
      body: {},
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('unknown_command');
  });
});
