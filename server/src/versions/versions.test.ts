import type { EditSessionView, SectionTextAtView, VersionSummaryView, VersionView } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import {
  api,
  appendStoredParagraph,
  command,
  connectProvider,
  storedSectionText,
  useFixture,
  waitFor,
  type FixturePlan,
} from '../testing/index.js';

const f = useFixture();
const TITLE = 'Samarbeidsstruktur og organisering';

async function named(plan: FixturePlan, name: string): Promise<string> {
  const res = await command(f.url, f.token('sekretariat'), 'versions.create', { planId: plan.id, name });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

const getVersion = (id: string, who = 'kommune') =>
  api<VersionView>(f.url, `/api/versions/${id}`, { token: f.token(who) });

async function edit(plan: FixturePlan, who: string, text: string): Promise<void> {
  await appendStoredParagraph(f.url, f.token(who), f.db, plan.section(TITLE), text);
}

describe('versions', () => {
  it('the sekretariat names the plan as it is; the version keeps every body, title, owner and marker, and never changes', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    const before = await plan.sectionView(TITLE, 'kommune');
    const id = await named(plan, 'Versjon til styremøtet 12.03.2027');

    const list = await api<VersionSummaryView[]>(f.url, `/api/plans/${plan.id}/versions`, { token: f.token('bruker') });
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({
      id,
      name: 'Versjon til styremøtet 12.03.2027',
      kind: 'named',
      sectionId: null,
    });
    expect(list.body[0]?.by.name).toBeTruthy();

    const textThen = await storedSectionText(f.db, section.id);
    await edit(plan, 'kommune', 'Avsnitt skrevet etter versjonen.');
    const version = await getVersion(id);
    expect(version.status).toBe(200);
    const kept = version.body.sections.find((s) => s.id === section.id);
    expect(kept).toMatchObject({ title: TITLE, revision: before.revision, owners: before.owners, status: 'consensus' });
    expect(kept?.text).toBe(textThen);
    expect(kept?.text).not.toContain('Avsnitt skrevet etter versjonen.');
    expect(kept?.markers.every((m) => !m.stale)).toBe(true);
    expect(version.body.sections.map((s) => s.id)).toEqual((await plan.view('kommune')).sections.map((s) => s.id));
    expect(version.body.version).toMatchObject({ id, kind: 'named' });

    const log = await api<{ type: string; payload: Record<string, unknown> }[]>(f.url, `/api/plans/${plan.id}/audit`, {
      token: f.token('kommune'),
    });
    expect(log.body.some((e) => e.type === 'version.created' && e.payload.versionId === id)).toBe(true);
  });

  it('only the sekretariat names versions; outsiders and other plans never see them', async () => {
    const plan = await f.plan();
    for (const who of ['kommune', 'helseforetak', 'bruker']) {
      const res = await command(f.url, f.token(who), 'versions.create', { planId: plan.id, name: 'Min versjon' });
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('versions_sekretariat_only');
    }
    const blank = await command(f.url, f.token('sekretariat'), 'versions.create', { planId: plan.id, name: '   ' });
    expect(blank.status).toBe(400);
    const id = await named(plan, 'Utkast');
    const outsider = f.other.token('kommune');
    expect((await api(f.url, `/api/versions/${id}`, { token: outsider })).status).toBe(404);
    expect((await api(f.url, `/api/plans/${plan.id}/versions`, { token: outsider })).status).toBe(404);
    expect((await api(f.url, `/api/versions/nope`, { token: f.token('kommune') })).status).toBe(404);
    expect((await api(f.url, `/api/versions/${id}`)).status).toBe(401);
  });

  it('a lock makes a version of the plan with that section locked', async () => {
    const plan = await f.plan();
    const { id: sectionId } = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    const locked = await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId });
    expect(locked.status).toBe(200);
    const list = await api<VersionSummaryView[]>(f.url, `/api/plans/${plan.id}/versions`, {
      token: f.token('kommune'),
    });
    const version = list.body.find((v) => v.kind === 'lock');
    expect(version).toMatchObject({ sectionId, name: TITLE });
    const view = await getVersion(version!.id);
    expect(view.body.sections.find((s) => s.id === sectionId)).toMatchObject({
      locked: true,
      status: 'locked',
      revision: locked.body.revision,
    });
  });

  it('a marker keeps the text it was set on', async () => {
    const plan = await f.plan();
    const { id: sectionId } = plan.section(TITLE);
    const { revision } = await plan.agreeAll(TITLE);
    const text = await storedSectionText(f.db, sectionId);
    const row = await f.db
      .selectFrom('section_texts')
      .selectAll()
      .where('section_id', '=', sectionId)
      .where('revision', '=', revision)
      .executeTakeFirst();
    expect(row?.text).toBe(text);
  });
});

describe('sections.restore', () => {
  it('an owner brings a version’s text back as a new edit: live editors get it, markers go stale, the log says so', async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName } = plan.section(TITLE);
    const id = await named(plan, 'Før endringene');
    const textThen = await storedSectionText(f.db, sectionId);
    await edit(plan, 'kommune', 'Et avsnitt som skal bort igjen.');
    await plan.agreeAll(TITLE);

    const reader = connectProvider(f.url, f.token('bruker'), documentName);
    await reader.synced();
    const res = await command(f.url, f.token('helseforetak'), 'sections.restore', { sectionId, versionId: id });
    expect(res.status).toBe(200);
    await waitFor(() => !readTextFromYDoc(reader.doc).includes('Et avsnitt som skal bort igjen.'));
    reader.destroy();
    await waitFor(async () => (await storedSectionText(f.db, sectionId)) === textThen);
    const view = await plan.sectionView(TITLE, 'kommune');
    expect(view.revision).toBe(res.body.revision);
    expect(view.markers.every((m) => m.stale)).toBe(true);
    const log = await api<{ type: string; sectionId: string; payload: Record<string, unknown> }[]>(
      f.url,
      `/api/plans/${plan.id}/audit`,
      { token: f.token('kommune') },
    );
    expect(log.body.find((e) => e.type === 'section.restored')).toMatchObject({
      sectionId,
      payload: { versionId: id, versionName: 'Før endringene', revision: res.body.revision },
    });
    // The history names who restored it.
    const history = await api<EditSessionView[]>(f.url, `/api/sections/${sectionId}/history`, {
      token: f.token('bruker'),
    });
    expect(history.body[0]?.partyId).toBe(f.user('helseforetak').partyId);

    const again = await command(f.url, f.token('helseforetak'), 'sections.restore', { sectionId, versionId: id });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('already_restored');
  });

  it('refuses non-owners, locked sections and versions of other plans, and changes nothing', async () => {
    const plan = await f.plan();
    const otherPlan = await f.plan();
    const { id: sectionId } = plan.section(TITLE);
    const id = await named(plan, 'Utkast');
    const foreign = await named(otherPlan, 'Annen plan');
    await edit(plan, 'kommune', 'Nyere tekst.');
    const text = await storedSectionText(f.db, sectionId);

    const notOwner = await command(f.url, f.token('bruker'), 'sections.restore', { sectionId, versionId: id });
    expect(notOwner.status).toBe(403);
    expect(notOwner.body.error?.code).toBe('not_owner');
    const wrongPlan = await command(f.url, f.token('kommune'), 'sections.restore', { sectionId, versionId: foreign });
    expect(wrongPlan.status).toBe(404);
    expect(wrongPlan.body.error?.code).toBe('version_not_found');
    const extra = await command(f.url, f.token('kommune'), 'sections.restore', { sectionId, versionId: id, json: {} });
    expect(extra.status).toBe(400);

    await plan.agreeAll(TITLE);
    expect((await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId })).status).toBe(200);
    const locked = await command(f.url, f.token('kommune'), 'sections.restore', { sectionId, versionId: id });
    expect(locked.status).toBe(409);
    expect(locked.body.error?.code).toBe('section_locked');
    expect(await storedSectionText(f.db, sectionId)).toBe(text);
  });
});

describe('history with authors', () => {
  it('groups edits into sessions per person and party, newest first, and opens the text after any session', async () => {
    const plan = await f.plan();
    const { id: sectionId } = plan.section(TITLE);
    const original = await storedSectionText(f.db, sectionId);
    await edit(plan, 'kommune', 'Kommunens første avsnitt.');
    await edit(plan, 'kommune', 'Kommunens andre avsnitt.');
    await edit(plan, 'helseforetak', 'Helseforetakets avsnitt.');

    const history = await api<EditSessionView[]>(f.url, `/api/sections/${sectionId}/history`, {
      token: f.token('bruker'),
    });
    expect(history.status).toBe(200);
    const [hf, kommune, baseline] = history.body;
    expect(history.body).toHaveLength(3);
    expect(hf).toMatchObject({ partyId: f.user('helseforetak').partyId, name: f.user('helseforetak').name });
    expect(kommune).toMatchObject({ partyId: f.user('kommune').partyId, name: f.user('kommune').name });
    expect(kommune!.edits).toBeGreaterThanOrEqual(2);
    expect(baseline).toMatchObject({ userId: null, partyId: null });

    const at = (id: number) =>
      api<SectionTextAtView>(f.url, `/api/sections/${sectionId}/history/${id}`, { token: f.token('bruker') });
    expect((await at(baseline!.id)).body.text).toBe(original);
    const afterKommune = (await at(kommune!.id)).body.text;
    expect(afterKommune).toContain('Kommunens andre avsnitt.');
    expect(afterKommune).not.toContain('Helseforetakets avsnitt.');
    expect((await at(hf!.id)).body.text).toBe(await storedSectionText(f.db, sectionId));

    expect((await at(999_999_999)).status).toBe(404);
    const outsider = f.other.token('kommune');
    expect((await api(f.url, `/api/sections/${sectionId}/history`, { token: outsider })).status).toBe(404);
    expect((await api(f.url, `/api/sections/${sectionId}/history/abc`, { token: f.token('bruker') })).status).toBe(400);
  });
});
