import { randomUUID } from 'node:crypto';
import {
  DEFAULT_PLAN_TEMPLATE,
  sectionDocumentName,
  type AuditEventView,
  type PlanSummaryView,
  type PlanView,
  type SectionContentView,
} from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  storedDocument,
  useFixture,
  waitFor,
} from '../testing/index.js';

const f = useFixture();

const admin = () => f.token('sekretariat');
const ALL = ['kommune', 'helseforetak', 'fastlege', 'bruker', 'sekretariat'];
const parties = (...keys: string[]) => keys.map((k) => f.party(k));

async function createPlan(input: Record<string, unknown>): Promise<string> {
  const res = await command(f.url, admin(), 'plans.create', input);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as string;
}

const view = async (planId: string, who = 'kommune') =>
  (await api<PlanView>(f.url, `/api/plans/${planId}`, { token: f.token(who) })).body;
const content = async (sectionId: string, who = 'kommune') =>
  (await api<SectionContentView>(f.url, `/api/sections/${sectionId}/content`, { token: f.token(who) })).body;
const audit = async (planId: string) =>
  (await api<AuditEventView[]>(f.url, `/api/plans/${planId}/audit`, { token: f.token('kommune') })).body;
const verified = async (planId: string) =>
  (await api<{ ok: boolean }>(f.url, `/api/plans/${planId}/audit/verify`, { token: f.token('kommune') })).body.ok;
const listed = async (who: string) => (await api<PlanSummaryView[]>(f.url, '/api/plans', { token: f.token(who) })).body;

describe('plans.create', () => {
  it('[PS2] from the default template: the outline of BRIEF, owners by party kind, every non-sekretariat party required', async () => {
    const id = await createPlan({
      title: 'Utviklingsplan for FSU psykisk helse',
      forum: 'fsu',
      period: '2027–2028',
      template: 'default',
      partyIds: parties(...ALL),
    });
    const plan = await view(id);
    expect(plan).toMatchObject({
      title: 'Utviklingsplan for FSU psykisk helse',
      forum: 'fsu',
      period: '2027–2028',
      archivedAt: null,
    });
    expect(plan.sections.map((s) => s.title)).toEqual(DEFAULT_PLAN_TEMPLATE.map((s) => s.title));
    const kinds = new Map(plan.parties.map((p) => [p.id, p.kind]));
    for (const [index, section] of plan.sections.entries()) {
      expect(section.owners.map((o) => kinds.get(o)).sort()).toEqual(
        [...(DEFAULT_PLAN_TEMPLATE[index]?.ownerKinds ?? [])].sort(),
      );
      expect(section.requiredParties).toEqual(parties('kommune', 'helseforetak', 'fastlege', 'bruker'));
      expect(section).toMatchObject({ status: 'draft', locked: false, tags: [], position: index });
      expect((await content(section.id)).text).toBe('');
    }
    expect(await listed('bruker')).toContainEqual(
      expect.objectContaining({
        id,
        title: 'Utviklingsplan for FSU psykisk helse',
        forum: 'fsu',
        period: '2027–2028',
        archivedAt: null,
        sectionCount: 14,
        // A new plan: every section a draft, every one waiting for the bruker's stance.
        statusCounts: { draft: 14, in_review: 0, disagreement: 0, consensus: 0, locked: 0 },
        waitingOnUs: 14,
      }),
    );
    const events = await audit(id);
    expect(events.map((e) => e.type)).toEqual(['plan.created']);
    expect(events[0]?.payload).toMatchObject({ template: 'default', copiedFrom: null, partyIds: parties(...ALL) });
    expect(await verified(id)).toBe(true);
  });

  it('[PS2] blank, for the chosen parties only: others do not see it', async () => {
    const id = await createPlan({ title: 'Tom plan', template: 'blank', partyIds: parties('kommune', 'sekretariat') });
    expect((await view(id)).sections).toEqual([]);
    expect((await view(id)).parties.map((p) => p.id)).toEqual(parties('kommune', 'sekretariat'));
    expect((await listed('kommune')).map((p) => p.id)).toContain(id);
    expect((await listed('helseforetak')).map((p) => p.id)).not.toContain(id);
    expect((await api(f.url, `/api/plans/${id}`, { token: f.token('helseforetak') })).status).toBe(404);
    const socket = connectProvider(f.url, f.token('helseforetak'), `plan:${id}`);
    await expect(socket.ready).rejects.toThrow('forbidden');
    socket.destroy();
  });

  it('[PS3] as a copy: sections, owners among the chosen parties, tags and text (live edits included), no markers, own Yjs history', async () => {
    const source = await f.plan({ sections: ['Innledning og mandat', 'Barn og unge', 'Brukermedvirkning'] });
    const barn = source.section('Barn og unge');
    expect((await command(f.url, admin(), 'sections.tag', { sectionId: barn.id, tags: ['barn_og_unge'] })).status).toBe(
      200,
    );
    const writer = connectProvider(f.url, f.token('fastlege'), barn.documentName);
    await writer.synced();
    appendParagraph(writer.doc, 'Fastlegene deltar i ansvarsgruppemøter.');
    await waitFor(async () => (await content(barn.id)).text.includes('ansvarsgruppemøter'));
    expect(
      (await command(f.url, f.token('bruker'), 'sections.mark', { sectionId: barn.id, stance: 'agree' })).status,
    ).toBe(200);

    const id = await createPlan({
      title: 'Felles utviklingsplan 2031–2034',
      period: '2031–2034',
      copyFromPlanId: source.id,
      partyIds: parties('kommune', 'helseforetak', 'bruker', 'sekretariat'),
    });
    const copy = await view(id);
    expect(copy.sections.map((s) => s.title)).toEqual(['Innledning og mandat', 'Barn og unge', 'Brukermedvirkning']);
    const copiedBarn = copy.sections[1];
    if (!copiedBarn) throw new Error('no copy of «Barn og unge»');
    expect(copiedBarn).toMatchObject({
      owners: parties('kommune', 'helseforetak'),
      requiredParties: parties('kommune', 'helseforetak', 'bruker'),
      tags: ['barn_og_unge'],
      markers: [],
      status: 'draft',
    });
    expect(copy.sections[2]?.owners).toEqual(parties('kommune', 'helseforetak', 'bruker'));
    for (const [index, original] of source.sections.entries()) {
      const copied = copy.sections[index];
      if (!copied) throw new Error(`no copy of ${original.title}`);
      const [a, b] = [await content(original.id), await content(copied.id)];
      expect(b.text).toBe(a.text);
      expect(b.json).toEqual(a.json);
      expect(b.revision).toBe(a.revision);
    }
    expect((await content(copiedBarn.id)).text).toContain('Fastlegene deltar i ansvarsgruppemøter.');

    // The copy's document shares no Yjs history with the source: writing one leaves the other alone.
    const stored = await storedDocument(f.db, sectionDocumentName(copiedBarn.id));
    const sourceClients = [...(await storedDocument(f.db, barn.documentName)).store.clients.keys()];
    expect([...stored.store.clients.keys()].some((c) => sourceClients.includes(c))).toBe(false);
    const copyWriter = connectProvider(f.url, f.token('kommune'), sectionDocumentName(copiedBarn.id));
    await copyWriter.synced();
    appendParagraph(copyWriter.doc, 'Bare i den nye planen.');
    await waitFor(async () => (await content(copiedBarn.id)).text.includes('Bare i den nye planen.'));
    expect((await content(barn.id)).text).not.toContain('Bare i den nye planen.');
    expect(readTextFromYDoc(writer.doc)).not.toContain('Bare i den nye planen.');
    copyWriter.destroy();
    writer.destroy();

    const events = await audit(id);
    expect(events[0]?.payload).toMatchObject({ template: 'copy', copiedFrom: source.id });
    expect(await verified(id)).toBe(true);
  });

  it('[PS1] parties must be active parties of the helsefellesskap; copies only from it', async () => {
    const inactive = randomUUID();
    await f.db
      .insertInto('parties')
      .values({
        id: inactive,
        helsefellesskap_id: f.demo.id,
        name: 'Nedlagt kommune',
        kind: 'kommune',
        created_at: new Date().toISOString(),
        deactivated_at: new Date().toISOString(),
      })
      .execute();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ title: 'P', partyIds: [f.other.party('kommune')] }, 404, 'not_found'],
      [{ title: 'P', partyIds: [f.party('kommune'), 'finnes-ikke'] }, 404, 'not_found'],
      [{ title: 'P', partyIds: [inactive] }, 409, 'party_inactive'],
      [{ title: 'P', partyIds: [f.party('kommune')], copyFromPlanId: f.other.plan.id }, 404, 'not_found'],
      [{ title: 'P', partyIds: [] }, 400, 'parties_required'],
      [{ title: 'P', partyIds: [f.party('kommune')], forum: 'styret' }, 400, 'invalid_input'],
      [{ title: 'P', partyIds: [f.party('kommune')], template: 'kopi' }, 400, 'invalid_input'],
      [{ title: '', partyIds: [f.party('kommune')] }, 400, 'name_required'],
    ];
    const before = (await listed('kommune')).length;
    for (const [input, status, code] of cases) {
      const res = await command(f.url, admin(), 'plans.create', input);
      expect([JSON.stringify(input), res.status, res.body.error?.code]).toEqual([JSON.stringify(input), status, code]);
    }
    expect(await listed('kommune')).toHaveLength(before);
  });
});

describe('plans.update', () => {
  it('[PS9] changes title, forum and period, logged with what they were', async () => {
    const plan = await f.plan();
    const res = await command(f.url, admin(), 'plans.update', {
      planId: plan.id,
      title: 'Revidert plan',
      forum: 'partnerskapsmote',
      period: '2027–2031',
    });
    expect(res.status).toBe(200);
    expect(await view(plan.id)).toMatchObject({
      title: 'Revidert plan',
      forum: 'partnerskapsmote',
      period: '2027–2031',
    });
    const cleared = await command(f.url, admin(), 'plans.update', { planId: plan.id, forum: null });
    expect(cleared.status).toBe(200);
    expect((await view(plan.id)).forum).toBeNull();
    const events = await audit(plan.id);
    expect(events.map((e) => e.payload)).toEqual([
      {
        title: { from: plan.title, to: 'Revidert plan' },
        forum: { from: 'Strategisk samarbeidsutvalg', to: 'partnerskapsmote' },
        period: { from: null, to: '2027–2031' },
        addedParties: [],
        removedParties: [],
      },
      { forum: { from: 'partnerskapsmote', to: null }, addedParties: [], removedParties: [] },
    ]);
    expect(await verified(plan.id)).toBe(true);
  });

  it('[PS10] a party taken out leaves every section; taken in again it is required where the default applies', async () => {
    const plan = await f.plan({ sections: ['Barn og unge', 'Brukermedvirkning'] });
    const brukermedvirkning = plan.section('Brukermedvirkning').id;
    // «Barn og unge» keeps a hand-picked list; «Brukermedvirkning» the default one.
    await command(f.url, admin(), 'sections.setOwners', {
      sectionId: plan.section('Barn og unge').id,
      owners: parties('kommune', 'fastlege'),
      requiredParties: parties('kommune', 'bruker'),
    });
    const removed = await command(f.url, admin(), 'plans.update', {
      planId: plan.id,
      partyIds: parties('kommune', 'helseforetak', 'fastlege', 'sekretariat'),
    });
    expect(removed.status).toBe(200);
    let sections = (await view(plan.id)).sections;
    expect(sections.map((s) => [s.owners, s.requiredParties])).toEqual([
      [parties('kommune', 'fastlege'), parties('kommune')],
      [parties('kommune', 'helseforetak'), parties('kommune', 'helseforetak', 'fastlege')],
    ]);
    expect((await listed('bruker')).map((p) => p.id)).not.toContain(plan.id);

    const back = await command(f.url, admin(), 'plans.update', { planId: plan.id, partyIds: parties(...ALL) });
    expect(back.status).toBe(200);
    sections = (await view(plan.id)).sections;
    expect(sections.find((s) => s.id === brukermedvirkning)?.requiredParties).toEqual(
      parties('kommune', 'helseforetak', 'fastlege', 'bruker'),
    );
    expect(sections[0]?.requiredParties).toEqual(parties('kommune'));
    expect(sections.find((s) => s.id === brukermedvirkning)?.owners).toEqual(parties('kommune', 'helseforetak'));
    const events = (await audit(plan.id)).filter((e) => e.type === 'plan.updated');
    expect(events.map((e) => [e.payload.addedParties, e.payload.removedParties])).toEqual([
      [[], parties('bruker')],
      [parties('bruker'), []],
    ]);
    expect(await verified(plan.id)).toBe(true);
  });
});

describe('plans.archive', () => {
  it('[PS11] an archived plan stays readable, and nothing in it changes any more (409)', async () => {
    const plan = await f.plan({ sections: ['Barn og unge', 'Skrøpelige eldre'] });
    const section = plan.section('Barn og unge');
    const thread = await command(f.url, f.token('kommune'), 'threads.create', {
      sectionId: section.id,
      body: 'Før arkivering',
    });
    const archived = await command(f.url, admin(), 'plans.archive', { planId: plan.id });
    expect(archived.status).toBe(200);

    const read = await view(plan.id, 'bruker');
    expect(read.archivedAt).toEqual(expect.any(String));
    expect(read.sections).toHaveLength(2);
    expect((await listed('bruker')).find((p) => p.id === plan.id)).toMatchObject({
      archivedAt: read.archivedAt,
      sectionCount: 2,
      waitingOnUs: 0,
    });
    expect((await api(f.url, `/api/plans/${plan.id}/threads`, { token: f.token('bruker') })).status).toBe(200);

    const refused: [string, string, Record<string, unknown>][] = [
      ['sekretariat', 'plans.archive', { planId: plan.id }],
      ['sekretariat', 'plans.update', { planId: plan.id, title: 'Ny' }],
      ['sekretariat', 'sections.add', { planId: plan.id, title: 'Ny', owners: parties('kommune') }],
      ['sekretariat', 'sections.rename', { sectionId: section.id, title: 'Ny' }],
      ['sekretariat', 'sections.move', { sectionId: section.id, afterSectionId: null }],
      ['sekretariat', 'sections.delete', { sectionId: section.id }],
      ['sekretariat', 'sections.setOwners', { sectionId: section.id, owners: parties('kommune') }],
      ['sekretariat', 'sections.tag', { sectionId: section.id, tags: [] }],
      ['bruker', 'sections.mark', { sectionId: section.id, stance: 'agree' }],
      ['kommune', 'threads.create', { sectionId: section.id, body: 'Etter arkivering' }],
      ['kommune', 'threads.reply', { threadId: thread.body.id, body: 'Etter arkivering' }],
    ];
    for (const [who, name, input] of refused) {
      const res = await command(f.url, f.token(who), name, input);
      expect([name, res.status, res.body.error?.code]).toEqual([name, 409, 'plan_archived']);
    }
    expect((await view(plan.id, 'bruker')).sections).toEqual(read.sections);
    expect((await audit(plan.id)).map((e) => e.type)).toEqual(['thread.created', 'plan.archived']);
    expect(await verified(plan.id)).toBe(true);

    // A copy of an archived plan is how the next period starts.
    const next = await createPlan({ title: 'Neste periode', copyFromPlanId: plan.id, partyIds: parties(...ALL) });
    expect((await view(next)).archivedAt).toBeNull();
  });
});
