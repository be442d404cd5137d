import type { PlanView } from '@fellesplan/domain';
import { sectionDocumentName } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  useTestServer,
  waitFor,
  type DemoTokens,
  type TestServer,
} from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

const plan = async () =>
  (await api<PlanView>(server.url, `/api/plans/${server.demo.planId}`, { token: tokens.kommune })).body;
const sectionView = async (index: number) => (await plan()).sections[index];
const revisionOf = async (index: number) => (await sectionView(index))?.revision ?? '';

describe('sections.mark', () => {
  it('[C1] records the party’s stance on the current revision and shows it on the plan', async () => {
    const sectionId = server.demo.sectionIds[5] ?? '';
    const revision = await revisionOf(5);
    const res = await command(server.url, tokens.hf ?? '', 'sections.mark', { sectionId, stance: 'agree', revision });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revision });
    expect(typeof res.body.id).toBe('string');
    const view = await sectionView(5);
    expect(view?.status).toBe('in_review');
    expect(view?.markers).toEqual([
      expect.objectContaining({
        partyId: server.demo.partyIds.helseforetak,
        stance: 'agree',
        note: null,
        revision,
        stale: false,
        by: expect.objectContaining({ name: 'Ola Hansen' }),
      }),
    ]);
  });

  it('[C1] the latest marker of a party replaces its earlier one', async () => {
    const sectionId = server.demo.sectionIds[6] ?? '';
    await command(server.url, tokens.kommune ?? '', 'sections.mark', {
      sectionId,
      stance: 'disagree',
      note: 'Uklart ansvar',
    });
    expect((await sectionView(6))?.status).toBe('disagreement');
    await command(server.url, tokens.kommune ?? '', 'sections.mark', {
      sectionId,
      stance: 'reservation',
      note: 'Forbehold om politisk behandling i kommunestyret',
    });
    const view = await sectionView(6);
    expect(view?.markers).toHaveLength(1);
    expect(view?.markers[0]).toMatchObject({
      stance: 'reservation',
      note: 'Forbehold om politisk behandling i kommunestyret',
    });
    expect(view?.status).toBe('in_review');
  });

  it('[C3] reaches consensus when every required party has spoken and one agrees', async () => {
    const sectionId = server.demo.sectionIds[7] ?? '';
    const revision = await revisionOf(7);
    for (const [who, stance, note] of [
      ['kommune', 'agree', null],
      ['hf', 'reservation', 'Forbehold om styrebehandling'],
      ['fastlege', 'abstain', null],
    ] as const) {
      expect(
        (await command(server.url, tokens[who] ?? '', 'sections.mark', { sectionId, stance, note, revision })).status,
      ).toBe(200);
      expect((await sectionView(7))?.status).toBe('in_review');
    }
    await command(server.url, tokens.bruker ?? '', 'sections.mark', { sectionId, stance: 'agree', revision });
    expect((await sectionView(7))?.status).toBe('consensus');
  });

  it('[C2] refuses with 409 when the text changed since the client read it, and an edit makes markers stale', async () => {
    const sectionId = server.demo.sectionIds[4] ?? '';
    const before = await revisionOf(4);
    await command(server.url, tokens.bruker ?? '', 'sections.mark', { sectionId, stance: 'agree', revision: before });
    const editor = connectProvider(server.url, tokens.fastlege ?? '', sectionDocumentName(sectionId));
    await editor.synced();
    appendParagraph(editor.doc, 'Fastlegene legger til et avsnitt.');
    await waitFor(async () => (await revisionOf(4)) !== before);
    editor.destroy();

    const stale = await command(server.url, tokens.kommune ?? '', 'sections.mark', {
      sectionId,
      stance: 'agree',
      revision: before,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({
      code: 'stale_revision',
      message: 'Teksten er endret siden du leste den. Les den nye teksten og prøv igjen.',
    });

    const view = await sectionView(4);
    expect(view?.markers).toEqual([
      expect.objectContaining({ partyId: server.demo.partyIds.bruker, stale: true, revision: before }),
    ]);
    expect(view?.status).toBe('draft');
  });

  it('[C1] refuses bad input with 400 and a clear message, storing nothing', async () => {
    const sectionId = server.demo.sectionIds[8] ?? '';
    const cases: [unknown, string, string][] = [
      [{ sectionId, stance: 'maybe' }, 'invalid_input', 'stance'],
      [{ sectionId, stance: 'reservation' }, 'note_required', 'note'],
      [{ sectionId, stance: 'disagree', note: '   ' }, 'note_required', 'note'],
      [{ stance: 'agree' }, 'invalid_input', 'sectionId'],
      [{ sectionId, stance: 'agree', extra: 1 }, 'invalid_input', ''],
      [[1, 2], 'invalid_input', ''],
    ];
    for (const [body, code, field] of cases) {
      const res = await command(server.url, tokens.kommune ?? '', 'sections.mark', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe(code);
      if (field) expect(res.body.error?.field).toBe(field);
      expect(res.body.error?.message).toMatch(/[a-zæøå]/i);
    }
    const nn = await api<{ error: { message: string } }>(server.url, '/api/commands/sections.mark', {
      token: tokens.kommune,
      body: { sectionId, stance: 'reservation' },
      headers: { 'accept-language': 'nn' },
    });
    expect(nn.body.error.message).toBe('Du må skrive ein merknad når du er einig med atterhald eller usamd.');
    expect((await sectionView(8))?.markers).toEqual([]);
  });

  it('[C1] refuses a party that is not required (403), unknown and foreign sections (404), no session (401)', async () => {
    const sectionId = server.demo.sectionIds[8] ?? '';
    const sek = await command(server.url, tokens.sekretariat ?? '', 'sections.mark', { sectionId, stance: 'agree' });
    expect(sek.status).toBe(403);
    expect(sek.body.error?.code).toBe('not_required_party');
    expect(
      (await command(server.url, tokens.kommune ?? '', 'sections.mark', { sectionId: 'nope', stance: 'agree' })).status,
    ).toBe(404);
    const foreign = await command(server.url, tokens.annen ?? '', 'sections.mark', {
      sectionId,
      stance: 'disagree',
      note: 'x',
    });
    expect(foreign.status).toBe(404);
    const anonymous = await api(server.url, '/api/commands/sections.mark', { body: { sectionId, stance: 'agree' } });
    expect(anonymous.status).toBe(401);
    expect((await sectionView(8))?.markers).toEqual([]);
  });

  it('[C1] a marker reaches an open plan projection without reload', async () => {
    const sectionId = server.demo.sectionIds[9] ?? '';
    const watcher = connectProvider(server.url, tokens.bruker ?? '', `plan:${server.demo.planId}`);
    await watcher.synced();
    await command(server.url, tokens.hf ?? '', 'sections.mark', {
      sectionId,
      stance: 'disagree',
      note: 'Mangler finansiering',
    });
    await waitFor(() => {
      const sections = watcher.doc.getMap('projection').get('sections') as PlanView['sections'];
      return sections[9]?.status === 'disagreement';
    });
    watcher.destroy();
  });
});
