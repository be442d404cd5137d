import type { PlanView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  useFixture,
  waitFor,
  type FixturePlan,
} from '../testing/index.js';

const f = useFixture();

const sectionView = (plan: FixturePlan, title: string) => plan.sectionView(title, 'kommune');
const revisionOf = async (plan: FixturePlan, title: string) => (await sectionView(plan, title)).revision;

describe('sections.mark', () => {
  it('[C1] records the party’s stance on the current revision and shows it on the plan', async () => {
    const plan = await f.plan();
    const title = 'Personer med alvorlige psykiske lidelser og rusproblemer';
    const sectionId = plan.section(title).id;
    const revision = await revisionOf(plan, title);
    const res = await command(f.url, f.token('helseforetak'), 'sections.mark', {
      sectionId,
      stance: 'agree',
      revision,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revision });
    expect(typeof res.body.id).toBe('string');
    const view = await sectionView(plan, title);
    expect(view?.status).toBe('in_review');
    expect(view?.markers).toEqual([
      expect.objectContaining({
        partyId: f.party('helseforetak'),
        stance: 'agree',
        note: null,
        revision,
        stale: false,
        by: expect.objectContaining({ name: 'Ola Hansen' }),
      }),
    ]);
  });

  it('[C1] the latest marker of a party replaces its earlier one', async () => {
    const plan = await f.plan();
    const title = 'Skrøpelige eldre';
    const sectionId = plan.section(title).id;
    await command(f.url, f.token('kommune'), 'sections.mark', {
      sectionId,
      stance: 'disagree',
      note: 'Uklart ansvar',
    });
    expect((await sectionView(plan, title))?.status).toBe('disagreement');
    await command(f.url, f.token('kommune'), 'sections.mark', {
      sectionId,
      stance: 'reservation',
      note: 'Forbehold om politisk behandling i kommunestyret',
    });
    const view = await sectionView(plan, title);
    expect(view?.markers).toHaveLength(1);
    expect(view?.markers[0]).toMatchObject({
      stance: 'reservation',
      note: 'Forbehold om politisk behandling i kommunestyret',
    });
    expect(view?.status).toBe('in_review');
  });

  it('[C3] reaches consensus when every required party has spoken and one agrees', async () => {
    const plan = await f.plan();
    const title = 'Personer med flere kroniske lidelser';
    const sectionId = plan.section(title).id;
    const revision = await revisionOf(plan, title);
    for (const [who, stance, note] of [
      ['kommune', 'agree', null],
      ['helseforetak', 'reservation', 'Forbehold om styrebehandling'],
      ['fastlege', 'abstain', null],
    ] as const) {
      expect((await command(f.url, f.token(who), 'sections.mark', { sectionId, stance, note, revision })).status).toBe(
        200,
      );
      expect((await sectionView(plan, title))?.status).toBe('in_review');
    }
    await command(f.url, f.token('bruker'), 'sections.mark', { sectionId, stance: 'agree', revision });
    expect((await sectionView(plan, title))?.status).toBe('consensus');
  });

  it('[C2] refuses with 409 when the text changed since the client read it, and an edit makes markers stale', async () => {
    const plan = await f.plan();
    const title = 'Barn og unge';
    const sectionId = plan.section(title).id;
    const before = await revisionOf(plan, title);
    await command(f.url, f.token('bruker'), 'sections.mark', { sectionId, stance: 'agree', revision: before });
    const editor = connectProvider(f.url, f.token('fastlege'), plan.section(title).documentName);
    await editor.synced();
    appendParagraph(editor.doc, 'Fastlegene legger til et avsnitt.');
    await waitFor(async () => (await revisionOf(plan, title)) !== before);
    editor.destroy();

    const stale = await command(f.url, f.token('kommune'), 'sections.mark', {
      sectionId,
      stance: 'agree',
      revision: before,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({
      code: 'stale_revision',
      message: 'Teksten er endret siden du leste den. Les den nye teksten og prøv igjen.',
    });

    const view = await sectionView(plan, title);
    expect(view?.markers).toEqual([
      expect.objectContaining({ partyId: f.party('bruker'), stale: true, revision: before }),
    ]);
    expect(view?.status).toBe('draft');
  });

  it('[C1] refuses bad input with 400 and a clear message, storing nothing', async () => {
    const plan = await f.plan();
    const title = 'Akuttmedisinsk kjede';
    const sectionId = plan.section(title).id;
    const cases: [unknown, string, string][] = [
      [{ sectionId, stance: 'maybe' }, 'invalid_input', 'stance'],
      [{ sectionId, stance: 'reservation' }, 'note_required', 'note'],
      [{ sectionId, stance: 'disagree', note: '   ' }, 'note_required', 'note'],
      [{ stance: 'agree' }, 'invalid_input', 'sectionId'],
      [{ sectionId, stance: 'agree', extra: 1 }, 'invalid_input', ''],
      [[1, 2], 'invalid_input', ''],
    ];
    for (const [body, code, field] of cases) {
      const res = await command(f.url, f.token('kommune'), 'sections.mark', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe(code);
      if (field) expect(res.body.error?.field).toBe(field);
      expect(res.body.error?.message).toMatch(/[a-zæøå]/i);
    }
    const nn = await api<{ error: { message: string } }>(f.url, '/api/commands/sections.mark', {
      token: f.token('kommune'),
      body: { sectionId, stance: 'reservation' },
      headers: { 'accept-language': 'nn' },
    });
    expect(nn.body.error.message).toBe('Du må skrive ein merknad når du er samd med atterhald eller usamd.');
    expect((await sectionView(plan, title))?.markers).toEqual([]);
  });

  it('[C1] refuses a party that is not required (403), unknown and foreign sections (404), no session (401)', async () => {
    const plan = await f.plan();
    const title = 'Akuttmedisinsk kjede';
    const sectionId = plan.section(title).id;
    const sek = await command(f.url, f.token('sekretariat'), 'sections.mark', { sectionId, stance: 'agree' });
    expect(sek.status).toBe(403);
    expect(sek.body.error?.code).toBe('not_required_party');
    expect(
      (await command(f.url, f.token('kommune'), 'sections.mark', { sectionId: 'nope', stance: 'agree' })).status,
    ).toBe(404);
    const foreign = await command(f.url, f.other.token('kommune'), 'sections.mark', {
      sectionId,
      stance: 'disagree',
      note: 'x',
    });
    expect(foreign.status).toBe(404);
    const anonymous = await api(f.url, '/api/commands/sections.mark', { body: { sectionId, stance: 'agree' } });
    expect(anonymous.status).toBe(401);
    expect((await sectionView(plan, title))?.markers).toEqual([]);
  });

  it('[C1] a marker reaches an open plan projection without reload', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Digitalisering og velferdsteknologi').id;
    const watcher = connectProvider(f.url, f.token('bruker'), plan.documentName);
    await watcher.synced();
    await command(f.url, f.token('helseforetak'), 'sections.mark', {
      sectionId,
      stance: 'disagree',
      note: 'Mangler finansiering',
    });
    await waitFor(() => {
      const sections = watcher.doc.getMap('projection').get('sections') as PlanView['sections'];
      return sections.find((s) => s.id === sectionId)?.status === 'disagreement';
    });
    watcher.destroy();
  });

  it('[C5] refuses a stance on a section without text (409 section_empty), whitespace included, until it has text', async () => {
    const plan = await f.plan({ sections: [{ title: 'Tom seksjon', owners: ['kommune'] }] });
    const title = 'Tom seksjon';
    const sectionId = plan.section(title).id;
    expect((await sectionView(plan, title)).empty).toBe(true);
    for (const stance of ['agree', 'reservation', 'abstain', 'disagree']) {
      const res = await command(f.url, f.token('helseforetak'), 'sections.mark', {
        sectionId,
        stance,
        note: 'Merknad',
      });
      expect(res.status, stance).toBe(409);
      expect(res.body.error).toEqual({
        code: 'section_empty',
        message: 'Seksjonen har ingen tekst ennå. Det går ikke å ta standpunkt til en tom seksjon.',
      });
    }
    const nn = await api<{ error: { message: string } }>(f.url, '/api/commands/sections.mark', {
      token: f.token('kommune'),
      body: { sectionId, stance: 'agree' },
      headers: { 'accept-language': 'nn' },
    });
    expect(nn.status).toBe(409);
    expect(nn.body.error.message).toBe(
      'Seksjonen har ingen tekst enno. Det går ikkje å ta standpunkt til ein tom seksjon.',
    );

    // Spaces and empty paragraphs are no text either.
    const editor = connectProvider(f.url, f.token('kommune'), plan.section(title).documentName);
    await editor.synced();
    const before = await revisionOf(plan, title);
    appendParagraph(editor.doc, '   \u00a0 ');
    appendParagraph(editor.doc, '');
    await waitFor(async () => (await revisionOf(plan, title)) !== before);
    const blank = await command(f.url, f.token('kommune'), 'sections.mark', { sectionId, stance: 'agree' });
    expect(blank.body.error?.code).toBe('section_empty');
    expect((await sectionView(plan, title)).markers).toEqual([]);

    appendParagraph(editor.doc, 'Kommunen skriver det første avsnittet.');
    await waitFor(async () => (await sectionView(plan, title)).empty === undefined);
    const marked = await command(f.url, f.token('kommune'), 'sections.mark', { sectionId, stance: 'agree' });
    expect(marked.status).toBe(200);
    editor.destroy();
  });
});
