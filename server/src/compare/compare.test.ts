import type { PlanCompareView, SinceAgreedView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  storedSectionText,
  useFixture,
  waitFor,
  type FixturePlan,
} from '../testing/index.js';

const f = useFixture();
const TITLE = 'Samarbeidsstruktur og organisering';

async function edit(plan: FixturePlan, text: string): Promise<void> {
  const { id, documentName } = plan.section(TITLE);
  const client = connectProvider(f.url, f.token('kommune'), documentName);
  await client.synced();
  appendParagraph(client.doc, text);
  await waitFor(async () => (await storedSectionText(f.db, id)).includes(text));
  client.destroy();
}

async function version(plan: FixturePlan, name: string, token = f.token('sekretariat')): Promise<string> {
  const res = await command(f.url, token, 'versions.create', { planId: plan.id, name });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

const hfParty = () => f.demo.parties.find((p) => p.kind === 'helseforetak')!.id;
const sinceAgreed = (sectionId: string, partyId: string, token = f.token('hf')) =>
  api<SinceAgreedView>(f.url, `/api/sections/${sectionId}/since-agreed?partyId=${partyId}`, { token });
const compare = (planId: string, query: string, token = f.token('bruker')) =>
  api<PlanCompareView>(f.url, `/api/plans/${planId}/compare?${query}`, { token });

describe('since we agreed', () => {
  it('shows a party exactly what changed after it agreed, and one re-confirmation on the shown revision makes it current', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    await edit(plan, 'Et nytt avsnitt om felles sekretariat.');

    const res = await sinceAgreed(section.id, hfParty());
    expect(res.status).toBe(200);
    if (res.body.state !== 'compared') throw new Error(`expected a comparison, got ${res.body.state}`);
    expect(res.body.marker).toMatchObject({ stance: 'agree', stale: true });
    expect(res.body.diff.counts).toMatchObject({ paragraphs: 1, wordsInserted: 6, wordsDeleted: 0 });
    expect(JSON.stringify(res.body.diff.doc)).toContain(
      '{"type":"text","marks":[{"type":"diffInsert"}],"text":"Et nytt avsnitt om felles sekretariat."}',
    );
    const now = await plan.sectionView(TITLE, 'hf');
    expect(res.body.currentRevision).toBe(now.revision);

    // [C2] The revision the party agreed to before is refused; the one shown in the comparison is taken.
    const old = await command(f.url, f.token('hf'), 'sections.mark', {
      sectionId: section.id,
      stance: 'agree',
      revision: res.body.marker.revision,
    });
    expect(old.status).toBe(409);
    const again = await command(f.url, f.token('hf'), 'sections.mark', {
      sectionId: section.id,
      stance: 'agree',
      revision: res.body.currentRevision,
    });
    expect(again.status).toBe(200);
    const after = await sinceAgreed(section.id, hfParty());
    expect(after.body).toMatchObject({ state: 'compared', marker: { stale: false }, diff: { changed: false } });
  });

  it('says so when the text a marker was set on was never kept', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    await f.db.deleteFrom('section_texts').where('section_id', '=', section.id).execute();
    const res = await sinceAgreed(section.id, hfParty());
    expect(res.body).toMatchObject({ state: 'text_unknown', marker: { stance: 'agree' } });
    const none = await sinceAgreed(plan.section('Innledning').id, hfParty());
    expect(none.body).toMatchObject({ state: 'no_marker' });
  });

  it('[attack] a section of another helsefellesskap is not found, and a bad party id is refused', async () => {
    const plan = await f.plan();
    const outsider = await sinceAgreed(plan.section(TITLE).id, hfParty(), f.other.token('hf'));
    expect(outsider.status).toBe(404);
    const bad = await api(f.url, `/api/sections/${plan.section(TITLE).id}/since-agreed`, { token: f.token('hf') });
    expect(bad.status).toBe(400);
  });
});

describe('plan compare', () => {
  it('shows a named version against now: the text change, the new title and the markers made stale', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    const from = await version(plan, 'Til styremøtet');
    await edit(plan, 'Endring etter styremøtet.');
    expect(
      (
        await command(f.url, f.token('sekretariat'), 'sections.rename', {
          sectionId: section.id,
          title: 'Organisering',
        })
      ).status,
    ).toBe(200);

    const res = await compare(plan.id, `from=${from}&to=now`);
    expect(res.status).toBe(200);
    expect(res.body.from).toMatchObject({ id: from, name: 'Til styremøtet' });
    const changed = res.body.sections.find((s) => s.sectionId === section.id)!;
    expect(changed).toMatchObject({
      kind: 'changed',
      renamed: true,
      titleBefore: TITLE,
      titleAfter: 'Organisering',
      moved: false,
    });
    expect(changed.diff.counts).toMatchObject({ paragraphs: 1, wordsInserted: 3 });
    expect(changed.markerChanges.find((m) => m.partyId === hfParty())).toEqual({
      partyId: hfParty(),
      before: { stance: 'agree', stale: false },
      after: { stance: 'agree', stale: true },
    });
    const others = res.body.sections.filter((s) => s.sectionId !== section.id);
    expect(others.every((s) => s.kind === 'unchanged')).toBe(true);

    // Two versions compare the same way, and a second version changes nothing for the first.
    const to = await version(plan, 'Etter styremøtet');
    const between = await compare(plan.id, `from=${from}&to=${to}`);
    expect(between.body.sections.find((s) => s.sectionId === section.id)?.diff).toEqual(changed.diff);
  });

  it('[attack] a version of another plan is not found; outsiders get nothing; the query is validated', async () => {
    const plan = await f.plan();
    const otherPlan = await f.plan();
    const foreign = await version(otherPlan, 'Annen plan');
    expect((await compare(plan.id, `from=${foreign}&to=now`)).status).toBe(404);
    expect((await compare(plan.id, `from=now&to=${foreign}`)).status).toBe(404);
    expect((await compare(plan.id, 'from=now&to=now')).status).toBe(400);
    expect((await compare(plan.id, 'from=now')).status).toBe(400);
    expect((await compare(plan.id, 'from=now&to=x&extra=1')).status).toBe(400);
    const own = await version(plan, 'Egen');
    expect((await compare(plan.id, `from=${own}&to=now`, f.other.token('hf'))).status).toBe(404);
  });
});
