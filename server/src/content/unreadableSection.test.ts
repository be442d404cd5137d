import type { PlanView, SectionBodyView, SectionContentView } from '@fellesplan/domain';
import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD, readProjection } from '@fellesplan/editor';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendDocumentUpdate } from '../storage/repositories/documents.js';
import { api, command, connectProvider, useFixture, waitFor, type FixturePlan } from '../testing/index.js';

const f = useFixture();
const token = () => f.token('bruker');

function paragraphWithText(doc: Y.Doc): Y.XmlText {
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  doc.getXmlFragment(CONTENT_FIELD).push([paragraph]);
  return text;
}

/** Old stored data the schema does not allow, written by hand as a Yjs update; by section title. */
const BROKEN: Record<string, { what: string; build: (doc: Y.Doc) => void; cut?: boolean }> = {
  'Kunnskapsgrunnlag og utfordringsbilde': {
    what: 'an unknown node',
    build: (d) => d.getXmlFragment(CONTENT_FIELD).push([new Y.XmlElement('bogus')]),
  },
  'Samarbeidsstruktur og organisering': { what: 'a non-XML item', build: (d) => d.getArray(CONTENT_FIELD).push([42]) },
  'Barn og unge': { what: 'a Y.Map in content', build: (d) => d.getArray(CONTENT_FIELD).push([new Y.Map()]) },
  'Personer med alvorlige psykiske lidelser og rusproblemer': {
    what: 'another root type',
    build: (d) => d.getMap('other').set('x', 'y'),
  },
  'Skrøpelige eldre': { what: 'an unknown mark', build: (d) => paragraphWithText(d).insert(0, 'Hei', { blink: {} }) },
  'Økonomi og samhandlingsbudsjett': {
    what: 'an update cut by one byte',
    build: (d) => paragraphWithText(d).insert(0, 'Hei'),
    cut: true,
  },
};

async function storeUpdate(sectionId: string, build: (doc: Y.Doc) => void, cut = false): Promise<void> {
  const doc = new Y.Doc();
  build(doc);
  const update = Y.encodeStateAsUpdate(doc);
  await appendDocumentUpdate(f.db, sectionDocumentName(sectionId), cut ? update.slice(0, -1) : update);
}

/** The plan whose sections named in BROKEN hold stored data nobody can read. */
let broken: FixturePlan;

const planView = () => api<PlanView>(f.url, `/api/plans/${broken.id}`, { token: token() });
const content = (title: string, headers: Record<string, string> = {}) =>
  api<SectionContentView & { error?: { code: string; message: string } }>(
    f.url,
    `/api/sections/${broken.section(title).id}/content`,
    { token: token(), headers },
  );

function expectOnlyBrokenFlagged(view: PlanView): void {
  for (const section of view.sections) {
    if (section.title in BROKEN) {
      expect(section.contentError, section.title).toBe('unreadable');
      expect(section.revision).toMatch(/^unreadable-[0-9a-f]{32}$/);
    } else {
      expect(section.contentError, section.title).toBeUndefined();
      expect(section.revision).toMatch(/^[0-9a-f]{32}$/);
    }
  }
}

describe('[R2] an unreadable section is an error for that section only', () => {
  beforeAll(async () => {
    broken = await f.plan();
    for (const [title, { build, cut }] of Object.entries(BROKEN))
      await storeUpdate(broken.section(title).id, build, cut);
  });

  it('[R2] the plan API answers, with each broken section flagged and every other one as before', async () => {
    const res = await planView();
    expect(res.status).toBe(200);
    expectOnlyBrokenFlagged(res.body);
  });

  it.each(Object.entries(BROKEN).map(([title, { what }]) => [what, title] as const))(
    '[R2][I1] the content endpoint of a section with %s answers 409 section_unreadable in Norwegian',
    async (_what, title) => {
      const nb = await content(title);
      expect(nb.status).toBe(409);
      expect(nb.body.error).toEqual({
        code: 'section_unreadable',
        message: expect.stringContaining('kan ikke leses') as string,
      });
      const nn = await content(title, { 'accept-language': 'nn' });
      expect(nn.body.error?.message).toContain('kan ikkje lesast');
    },
  );

  it('[R2] the plan-wide contents flag each broken section and give every other one its body', async () => {
    const res = await api<SectionBodyView[]>(f.url, `/api/plans/${broken.id}/contents`, { token: token() });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(14);
    for (const entry of res.body) {
      const title = broken.sections.find((s) => s.id === entry.sectionId)?.title ?? '';
      if (title in BROKEN) expect(entry, title).toEqual({ sectionId: entry.sectionId, error: 'unreadable' });
      else expect(entry, title).toMatchObject({ revision: expect.stringMatching(/^[0-9a-f]{32}$/) as string });
    }
  });

  it('[R2] every other section’s content endpoint keeps working', async () => {
    for (const title of [
      'Innledning og mandat',
      'Nasjonale og lokale føringer',
      'Personer med flere kroniske lidelser',
      'Akuttmedisinsk kjede',
      'Digitalisering og velferdsteknologi',
    ]) {
      const res = await content(title);
      expect(res.status).toBe(200);
      expect(typeof res.body.text).toBe('string');
    }
    expect((await content('Innledning og mandat')).body.text).toContain('helsefellesskap');
  });

  it('[R2][O2] the live plan projection loads over a raw provider, with the broken sections flagged', async () => {
    const client = connectProvider(f.url, token(), broken.documentName);
    await client.synced();
    const projection = await waitFor(() => readProjection(client.doc));
    expectOnlyBrokenFlagged(projection);
    client.destroy();
  });

  it('[R2][C2] a body that turns unreadable gets a new revision, and another with each later change, so markers turn stale', async () => {
    const plan = await f.plan();
    const title = 'Kompetanse og rekruttering';
    const sectionId = plan.section(title).id;
    const mark = await command(f.url, token(), 'sections.mark', { sectionId, stance: 'abstain' });
    expect(mark.status).toBe(200);
    await storeUpdate(sectionId, (d) => d.getArray(CONTENT_FIELD).push([42]));
    const unreadable = await plan.sectionView(title, 'bruker');
    expect(unreadable?.revision).toMatch(/^unreadable-/);
    expect(unreadable?.markers.find((m) => m.partyId === f.party('bruker'))?.stale).toBe(true);

    await storeUpdate(sectionId, (d) => d.getArray(CONTENT_FIELD).push([43]));
    expect((await plan.sectionView(title, 'bruker'))?.revision).not.toBe(unreadable?.revision);
  });

  it('[R2][C1][L1] nobody takes a stance on, or locks, a body nobody can read (409 section_unreadable)', async () => {
    const sectionId = broken.section('Samarbeidsstruktur og organisering').id;
    const mark = await command(f.url, token(), 'sections.mark', { sectionId, stance: 'agree' });
    expect(mark.status).toBe(409);
    expect(mark.body.error?.code).toBe('section_unreadable');
    const lock = await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId });
    expect(lock.status).toBe(409);
    expect(lock.body.error?.code).toBe('section_unreadable');
  });

  it('[R2] a live connection to a broken section does not take the plan down', async () => {
    const owner = connectProvider(f.url, f.token('kommune'), broken.section('Barn og unge').documentName);
    await owner.synced();
    const res = await planView();
    expect(res.status).toBe(200);
    expectOnlyBrokenFlagged(res.body);
    expect((await content('Barn og unge')).status).toBe(409);
    owner.destroy();
  });

  it('[R2] after a restart the plan, its projection and the other sections still work', async () => {
    await f.restart();
    const res = await planView();
    expect(res.status).toBe(200);
    expectOnlyBrokenFlagged(res.body);
    expect((await content('Innledning og mandat')).status).toBe(200);
    expect((await content('Kunnskapsgrunnlag og utfordringsbilde')).status).toBe(409);
    const client = connectProvider(f.url, token(), broken.documentName);
    await client.synced();
    expectOnlyBrokenFlagged(await waitFor(() => readProjection(client.doc)));
    client.destroy();
  });
});
