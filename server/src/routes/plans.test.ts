import type { PlanSummaryView, PlanView, SectionBodyView, SectionContentView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, appendParagraph, connectProvider, useFixture, waitFor } from '../testing/index.js';

const f = useFixture();
/** A member of another helsefellesskap's plan. */
const annen = () => f.other.token('kommune');

describe('plans API', () => {
  it('lists only the plans the caller takes part in', async () => {
    const mine = await api<PlanSummaryView[]>(f.url, '/api/plans', { token: f.token('kommune') });
    // Other tests in this file add plans to the demo helsefellesskap.
    expect(mine.body.map((p) => p.id)).not.toContain(f.other.plan.id);
    expect(mine.body.find((p) => p.id === f.demo.plan.id)).toMatchObject({
      title: 'Felles utviklingsplan 2027–2030',
      forum: 'Strategisk samarbeidsutvalg',
      period: null,
      archivedAt: null,
      sectionCount: 14,
    });
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

  it('returns every section body at once, live edits included, to members only', async () => {
    const plan = await f.plan();
    const last = plan.section('Oppfølging, evaluering og årsrapport');
    const editor = connectProvider(f.url, f.token('sekretariat'), last.documentName);
    await editor.synced();
    appendParagraph(editor.doc, 'Sjøbadet i Gjøvik er et ord bare denne seksjonen har');
    await waitFor(async () => {
      const res = await api<SectionBodyView[]>(f.url, `/api/plans/${plan.id}/contents`, { token: f.token('fastlege') });
      const body = res.body.find((b) => b.sectionId === last.id);
      return body !== undefined && 'json' in body && JSON.stringify(body.json).includes('Sjøbadet i Gjøvik');
    });
    const { status, body } = await api<SectionBodyView[]>(f.url, `/api/plans/${plan.id}/contents`, {
      token: f.token('bruker'),
    });
    expect(status).toBe(200);
    const view = await api<PlanView>(f.url, `/api/plans/${plan.id}`, { token: f.token('bruker') });
    // In plan order, each with the revision the plan view reports for it.
    expect(body.map((b) => b.sectionId)).toEqual(view.body.sections.map((s) => s.id));
    for (const section of view.body.sections) {
      const entry = body.find((b) => b.sectionId === section.id);
      expect(entry && 'revision' in entry ? entry.revision : null).toBe(section.revision);
    }
    editor.destroy();
    expect((await api(f.url, `/api/plans/${plan.id}/contents`, { token: annen() })).status).toBe(404);
    expect((await api(f.url, `/api/plans/${plan.id}/contents`)).status).toBe(401);
  });

  it('lists each plan with its progress: sections per status and how many wait for us', async () => {
    const { body } = await api<PlanSummaryView[]>(f.url, '/api/plans', { token: f.token('kommune') });
    const summary = body.find((p) => p.id === f.demo.plan.id);
    const view = await api<PlanView>(f.url, `/api/plans/${summary?.id ?? ''}`, { token: f.token('kommune') });
    const counts: Record<string, number> = summary?.statusCounts ?? {};
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(14);
    for (const [status, count] of Object.entries(counts)) {
      expect(count).toBe(view.body.sections.filter((s) => s.status === status).length);
    }
    expect(summary?.waitingOnUs).toBe(
      view.body.sections.filter((s) => s.requiredParties.includes(f.party('kommune')) && !s.locked).length,
    );
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
