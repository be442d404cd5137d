import type { ImportPreview, PlanView, SectionContentView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, useFixture } from '../testing/index.js';
import { buildPlanDocx, sourceSections } from '../testing/planDocx.js';
import { uploadDocx } from '../testing/uploadDocx.js';

const f = useFixture();
const admin = () => f.token('sekretariat');

const upload = (file: Buffer | null, options: Parameters<typeof uploadDocx>[2] = {}) =>
  uploadDocx(f.url, file, { token: admin(), ...options });

describe('POST /api/plans/import', () => {
  it('previews level-1 headings as sections, text before them as «Innledning», images as a warning', async () => {
    const file = await buildPlanDocx({ introduction: 'Dette er planen vi bygger på.', image: true });
    const { status, body } = await upload(file, { preview: true });
    expect(status, JSON.stringify(body)).toBe(200);
    const preview = body as unknown as ImportPreview;
    expect(preview.sections.map((s) => s.title)).toEqual(['Innledning', ...sourceSections().map((s) => s.title)]);
    expect(preview.sections[0]).toMatchObject({
      introduction: true,
      characters: 'Dette er planen vi bygger på.'.length,
    });
    expect(preview.sections[1]).toMatchObject({ introduction: false, images: 1 });
    expect(preview.warnings).toEqual([{ code: 'images_dropped', count: 1 }]);
  });

  it('creates the plan with the sections, their formatting, lists and table, owned by the chosen party', async () => {
    const before = (await api<unknown[]>(f.url, '/api/plans', { token: admin() })).body.length;
    const { status, body } = await upload(await buildPlanDocx(), {
      fields: {
        title: 'Utviklingsplan 2031–2034',
        forum: 'ssu',
        partyIds: [f.party('kommune'), f.party('helseforetak'), f.party('sekretariat')],
        ownerIds: [f.party('sekretariat')],
      },
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const plan = (await api<PlanView>(f.url, `/api/plans/${String(body.id)}`, { token: f.token('kommune') })).body;
    expect(plan.title).toBe('Utviklingsplan 2031–2034');
    expect(plan.sections.map((s) => s.title)).toEqual(sourceSections().map((s) => s.title));
    for (const section of plan.sections) {
      expect(section.owners).toEqual([f.party('sekretariat')]);
      expect(section.requiredParties).toEqual([f.party('kommune'), f.party('helseforetak')]);
    }
    const first = (
      await api<SectionContentView>(f.url, `/api/sections/${plan.sections[0]?.id}/content`, { token: admin() })
    ).body;
    const json = JSON.stringify(first.json);
    expect(json).toContain('"type":"bold"');
    expect(json).toContain('"type":"italic"');
    expect(json).toContain('"href":"https://www.regjeringen.no/"');
    for (const type of ['bulletList', 'orderedList', 'table', 'tableCell']) expect(json).toContain(`"type":"${type}"`);
    expect(first.text).toContain('Helseregion Hadeland');
    expect(first.text).toContain(sourceSections()[0]?.paragraphs[0]);
    const audit = await api<{ type: string; payload: { template: string } }[]>(
      f.url,
      `/api/plans/${String(body.id)}/audit`,
      {
        token: admin(),
      },
    );
    expect(audit.body[0]).toMatchObject({ type: 'plan.created', payload: { template: 'import' } });
    expect((await api<unknown[]>(f.url, '/api/plans', { token: admin() })).body).toHaveLength(before + 1);
  });

  it('keeps markup in the text as text: a script in a paragraph never becomes an element', async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const { body } = await upload(await buildPlanDocx({ extraParagraph: hostile }), {
      fields: { title: 'Plan med skript', partyIds: [f.party('kommune'), f.party('sekretariat')] },
    });
    const plan = (await api<PlanView>(f.url, `/api/plans/${String(body.id)}`, { token: admin() })).body;
    const first = (
      await api<SectionContentView>(f.url, `/api/sections/${plan.sections[0]?.id}/content`, { token: admin() })
    ).body;
    expect(first.text).toContain(hostile);
    expect(JSON.stringify(first.json)).not.toMatch(/"type":"(script|image|img)"/);
  });
});
