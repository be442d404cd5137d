import type { PlanSummaryView, PlanView, SectionContentView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, useFixture } from '../testing/index.js';

const f = useFixture();
/** A member of another helsefellesskap's plan. */
const annen = () => f.other.token('kommune');

describe('plans API', () => {
  it('lists only the plans the caller takes part in', async () => {
    const mine = await api<PlanSummaryView[]>(f.url, '/api/plans', { token: f.token('kommune') });
    expect(mine.body).toEqual([
      {
        id: f.demo.plan.id,
        title: 'Felles utviklingsplan 2027–2030',
        forum: 'Strategisk samarbeidsutvalg',
        period: null,
        archivedAt: null,
        sectionCount: 14,
      },
    ]);
    const theirs = await api<PlanSummaryView[]>(f.url, '/api/plans', { token: annen() });
    expect(theirs.body.map((p) => p.id)).toEqual([f.other.plan.id]);
  });

  it('requires a session', async () => {
    const res = await api<{ error: { code: string } }>(f.url, '/api/plans');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('returns the plan with parties and sections in order, with owners and required parties', async () => {
    const { status, body } = await api<PlanView>(f.url, `/api/plans/${f.demo.plan.id}`, { token: f.token('kommune') });
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
    const brukermedvirkning = body.sections[11];
    expect(brukermedvirkning?.title).toBe('Brukermedvirkning');
    expect(brukermedvirkning?.owners.sort()).toEqual(
      [f.party('bruker'), f.party('kommune'), f.party('helseforetak')].sort(),
    );
    expect(brukermedvirkning?.requiredParties.sort()).toEqual(
      [f.party('kommune'), f.party('helseforetak'), f.party('fastlege'), f.party('bruker')].sort(),
    );
    for (const section of body.sections) {
      expect(section).toMatchObject({ status: 'draft', locked: false, markers: [] });
      expect(section.revision).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('[M1] hides plans of other helsefellesskap behind 404', async () => {
    const res = await api<{ error: { code: string } }>(f.url, `/api/plans/${f.demo.plan.id}`, {
      token: annen(),
    });
    expect(res.status).toBe(404);
    const bad = await api<{ error: { code: string; field: string } }>(f.url, '/api/plans/..%2F..', {
      token: f.token('kommune'),
    });
    expect(bad.status).toBe(400);
  });

  it('returns section content as Tiptap JSON and plain text, to members only', async () => {
    const sectionId = f.section('Innledning og mandat').id;
    const { body } = await api<SectionContentView>(f.url, `/api/sections/${sectionId}/content`, {
      token: f.token('kommune'),
    });
    expect(body.text).toMatch(/^Bakgrunn\n\nRegjeringen og KS/);
    const json = body.json as { type: string; content: { type: string; attrs?: unknown }[] };
    expect(json.type).toBe('doc');
    expect(json.content[0]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    const plan = await api<PlanView>(f.url, `/api/plans/${f.demo.plan.id}`, { token: f.token('kommune') });
    expect(body.revision).toBe(plan.body.sections.find((s) => s.id === sectionId)?.revision);
    const foreign = await api(f.url, `/api/sections/${sectionId}/content`, { token: annen() });
    expect(foreign.status).toBe(404);
  });

  it('answers unknown commands with 404 unknown_command', async () => {
    const res = await api<{ error: { code: string } }>(f.url, '/api/commands/sections.explode', {
      token: f.token('kommune'),
      body: {},
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('unknown_command');
  });
});
