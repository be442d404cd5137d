import { describe, expect, it } from 'vitest';
import { api, command, useFixture } from './index.js';

const f = useFixture();

describe('the test fixture', () => {
  it('finds demo sections, people and parties by name, and refuses names it cannot tell apart', async () => {
    const innledning = f.section('Innledning og mandat');
    expect(f.section('Innledning')).toBe(innledning);
    expect(innledning).toMatchObject({ position: 0, documentName: `section:${innledning.id}` });
    expect(() => f.section('Personer med')).toThrow(/More than one «Personer med»/);
    expect(() => f.section('Finnes ikke')).toThrow(/No «Finnes ikke».*«Barn og unge»/);
    expect(f.user('helseforetak')).toMatchObject({ email: 'hf@demo.no', name: 'Ola Hansen' });
    expect(f.user('HF@demo.no')).toBe(f.user('helseforetak'));
    expect(f.other.section('Innledning').id).not.toBe(innledning.id);
    const session = await api<{ user: { partyId: string } }>(f.url, '/api/session', { token: f.token('bruker') });
    expect(session.body.user.partyId).toBe(f.party('bruker'));
  });

  it('builds a plan of its own with the sections it names, the demo plan untouched', async () => {
    const plan = await f.plan({
      sections: [
        'Barn og unge',
        { title: 'Egen seksjon', owners: ['kommune'], required: ['kommune', 'bruker'], body: 'Egen tekst.' },
      ],
    });
    const view = await plan.view('bruker');
    expect(view.sections.map((s) => s.title)).toEqual(['Barn og unge', 'Egen seksjon']);
    expect(view.sections[1]).toMatchObject({
      owners: [f.party('kommune')],
      requiredParties: expect.arrayContaining([f.party('kommune'), f.party('bruker')]) as string[],
    });
    expect(view.sections[1]?.requiredParties).toHaveLength(2);
    const { replies } = await plan.agreeAll('Egen seksjon');
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect((await plan.sectionView('Egen seksjon', 'kommune')).status).toBe('consensus');
    expect((await f.demo.plan.sectionView('Barn og unge', 'kommune')).markers).toEqual([]);
  });

  it('builds a partnership of its own: parties by key and kind, people with sessions, required parties', async () => {
    const p = await f.partnership({
      name: 'Lite helsefellesskap',
      parties: [
        {
          key: 'by',
          name: 'Byen',
          kind: 'kommune',
          users: [
            { name: 'Bo By', email: 'bo@by.no', password: 'by' },
            { name: 'Bea By', email: 'bea@by.no', password: 'by' },
          ],
        },
        {
          key: 'sykehus',
          name: 'Sykehuset',
          kind: 'helseforetak',
          users: [{ name: 'Siv', email: 'siv@hf.no', password: 'hf' }],
        },
      ],
      plan: {
        title: 'Liten plan',
        sections: [{ title: 'Felles', owners: ['by'], required: ['sykehus'], body: 'Felles tekst.' }],
      },
    });
    expect(p.user('by').email).toBe('bo@by.no');
    expect(p.user('bea@by.no').partyId).toBe(p.party('by'));
    const sectionId = p.section('Felles').id;
    expect((await command(f.url, p.token('by'), 'sections.mark', { sectionId, stance: 'agree' })).status).toBe(403);
    expect((await command(f.url, p.token('sykehus'), 'sections.mark', { sectionId, stance: 'agree' })).status).toBe(
      200,
    );
    expect((await p.plan.sectionView('Felles', 'bea@by.no')).status).toBe('consensus');
    expect((await api(f.url, `/api/plans/${p.plan.id}`, { token: f.token('kommune') })).status).toBe(404);
  });
});
