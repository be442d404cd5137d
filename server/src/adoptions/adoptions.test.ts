import type { AdoptionsView, AuditEventView, PlanSummaryView } from '@fellesplan/domain';
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
const ADOPTING = ['kommune', 'helseforetak', 'fastlege', 'bruker'] as const;

async function version(plan: FixturePlan, name: string): Promise<string> {
  const res = await command(f.url, f.token('sekretariat'), 'versions.create', { planId: plan.id, name });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

async function send(plan: FixturePlan, versionId: string) {
  return command(f.url, f.token('sekretariat'), 'adoptions.send', {
    planId: plan.id,
    versionId,
    note: 'Frist 1. juni',
  });
}

const decision = (plan: FixturePlan, versionId: string, party: string, extra: Record<string, unknown> = {}) => ({
  planId: plan.id,
  versionId,
  partyId: f.party(party),
  body: 'Kommunestyret',
  date: '2027-06-19',
  caseNumber: '45/27',
  outcome: 'vedtatt',
  ...extra,
});

const adoptions = async (plan: FixturePlan, who = 'kommune') => {
  const res = await api<AdoptionsView>(f.url, `/api/plans/${plan.id}/adoptions`, { token: f.token(who) });
  expect(res.status).toBe(200);
  return res.body;
};

async function log(plan: FixturePlan): Promise<AuditEventView[]> {
  return (await api<AuditEventView[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('kommune') })).body;
}

describe('adoption (forankring)', () => {
  it('[AD1] only the sekretariat sends, a version of its own plan, each version once; a new version is a new round', async () => {
    const plan = await f.plan();
    const other = await f.plan();
    const v1 = await version(plan, 'Endelig plan');
    const foreign = await version(other, 'Annen plan');

    for (const who of ADOPTING) {
      const res = await command(f.url, f.token(who), 'adoptions.send', { planId: plan.id, versionId: v1 });
      expect(res.status, who).toBe(403);
      expect(res.body.error?.code).toBe('adoptions_sekretariat_only');
    }
    const outsider = await command(f.url, f.other.token('kommune'), 'adoptions.send', {
      planId: plan.id,
      versionId: v1,
    });
    expect(outsider.status).toBe(404);
    const wrongPlan = await send(plan, foreign);
    expect(wrongPlan.status).toBe(404);
    expect(wrongPlan.body.error?.code).toBe('version_not_found');
    expect((await send(plan, 'no-such-version')).status).toBe(404);
    expect(
      (await api(f.url, '/api/commands/adoptions.send', { body: { planId: plan.id, versionId: v1 } })).status,
    ).toBe(401);

    const first = await send(plan, v1);
    expect(first.status).toBe(200);
    const twice = await send(plan, v1);
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe('adoption_already_sent');
    expect(twice.body.error?.message).toMatch(/allerede sendt/);

    const v2 = await version(plan, 'Endelig plan, rettet');
    expect((await send(plan, v2)).status).toBe(200);
    const view = await adoptions(plan, 'bruker');
    expect(view.rounds.map((r) => r.versionName)).toEqual(['Endelig plan, rettet', 'Endelig plan']);
    expect(view.rounds[0]).toMatchObject({ versionId: v2, note: 'Frist 1. juni', adopted: false, decisions: [] });
    expect(view.rounds[0]?.parties).toEqual(ADOPTING.map((key) => f.party(key)));
    expect((await api(f.url, `/api/plans/${plan.id}/adoptions`, { token: f.other.token('kommune') })).status).toBe(404);

    const sent = (await log(plan)).filter((e) => e.type === 'adoption.sent');
    expect(sent.map((e) => e.payload)).toEqual([
      { roundId: first.body.id, versionId: v1, versionName: 'Endelig plan', note: 'Frist 1. juni' },
      expect.objectContaining({ versionId: v2, versionName: 'Endelig plan, rettet' }),
    ]);
  });

  it('[AD2] a party’s decision is recorded by its own people or the sekretariat, on a sent version, for a party that adopts', async () => {
    const plan = await f.plan();
    const v1 = await version(plan, 'Endelig plan');

    const unsent = await command(f.url, f.token('kommune'), 'adoptions.record', decision(plan, v1, 'kommune'));
    expect(unsent.status).toBe(409);
    expect(unsent.body.error?.code).toBe('adoption_not_sent');
    expect((await send(plan, v1)).status).toBe(200);

    const forOther = await command(f.url, f.token('kommune'), 'adoptions.record', decision(plan, v1, 'helseforetak'));
    expect(forOther.status).toBe(403);
    expect(forOther.body.error?.code).toBe('adoptions_own_party_only');
    const outsider = await command(f.url, f.other.token('kommune'), 'adoptions.record', decision(plan, v1, 'kommune'));
    expect(outsider.status).toBe(404);
    const foreignParty = await command(f.url, f.token('sekretariat'), 'adoptions.record', {
      ...decision(plan, v1, 'kommune'),
      partyId: f.other.party('kommune'),
    });
    expect(foreignParty.status).toBe(404);
    const sekretariat = await command(
      f.url,
      f.token('sekretariat'),
      'adoptions.record',
      decision(plan, v1, 'sekretariat'),
    );
    expect(sekretariat.status).toBe(409);
    expect(sekretariat.body.error?.code).toBe('adoption_not_adopting_party');
    for (const bad of [{ date: '2027-02-30' }, { date: '19.06.2027' }, { outcome: 'kanskje' }, { body: '  ' }]) {
      const res = await command(f.url, f.token('kommune'), 'adoptions.record', decision(plan, v1, 'kommune', bad));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error?.message).toBeTruthy();
    }

    const own = await command(f.url, f.token('kommune'), 'adoptions.record', decision(plan, v1, 'kommune'));
    expect(own.status).toBe(200);
    const bySekretariat = await command(
      f.url,
      f.token('sekretariat'),
      'adoptions.record',
      decision(plan, v1, 'helseforetak', { body: 'Styret i HF', caseNumber: null }),
    );
    expect(bySekretariat.status).toBe(200);
    const round = (await adoptions(plan)).rounds[0];
    expect(round?.decisions).toHaveLength(2);
    expect(round?.decisions.find((d) => d.partyId === f.party('helseforetak'))).toMatchObject({
      body: 'Styret i HF',
      caseNumber: null,
      outcome: 'vedtatt',
      date: '2027-06-19',
    });
  });

  it('[AD3] recording again for the same party and round corrects the decision, and the log keeps what it was', async () => {
    const plan = await f.plan();
    const v1 = await version(plan, 'Endelig plan');
    await send(plan, v1);
    const first = await command(f.url, f.token('kommune'), 'adoptions.record', decision(plan, v1, 'kommune'));
    const again = await command(
      f.url,
      f.token('kommune'),
      'adoptions.record',
      decision(plan, v1, 'kommune', { outcome: 'vedtatt_med_endringer', note: 'Med tillegg om legevakt' }),
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const round = (await adoptions(plan)).rounds[0];
    expect(round?.decisions).toHaveLength(1);
    expect(round?.decisions[0]).toMatchObject({ outcome: 'vedtatt_med_endringer', note: 'Med tillegg om legevakt' });
    const recorded = (await log(plan)).filter((e) => e.type === 'adoption.recorded').map((e) => e.payload);
    expect(recorded).toEqual([
      expect.objectContaining({ outcome: 'vedtatt', correction: false }),
      expect.objectContaining({
        outcome: 'vedtatt_med_endringer',
        correction: true,
        previous: { body: 'Kommunestyret', date: '2027-06-19', caseNumber: '45/27', outcome: 'vedtatt', note: null },
      }),
    ]);
  });

  it('[AD4] the plan is adopted when every party recorded vedtatt or vedtatt med endringer; «ikke vedtatt» does not count', async () => {
    const plan = await f.plan();
    const v1 = await version(plan, 'Endelig plan');
    await send(plan, v1);
    const status = async () => (await plan.view('bruker')).adoption;
    expect(await status()).toMatchObject({ versionId: v1, versionName: 'Endelig plan', adopted: 0, parties: 4 });

    await command(f.url, f.token('kommune'), 'adoptions.record', decision(plan, v1, 'kommune'));
    await command(
      f.url,
      f.token('helseforetak'),
      'adoptions.record',
      decision(plan, v1, 'helseforetak', { outcome: 'vedtatt_med_endringer' }),
    );
    await command(f.url, f.token('fastlege'), 'adoptions.record', decision(plan, v1, 'fastlege'));
    await command(
      f.url,
      f.token('bruker'),
      'adoptions.record',
      decision(plan, v1, 'bruker', { outcome: 'ikke_vedtatt' }),
    );
    expect(await status()).toMatchObject({ adopted: 3, parties: 4, status: 'sent' });
    expect((await adoptions(plan)).rounds[0]?.adopted).toBe(false);

    await command(f.url, f.token('bruker'), 'adoptions.record', decision(plan, v1, 'bruker'));
    expect(await status()).toMatchObject({ adopted: 4, parties: 4, status: 'adopted', textChanged: false });
    expect((await adoptions(plan)).rounds[0]?.adopted).toBe(true);
    const list = await api<PlanSummaryView[]>(f.url, '/api/plans', { token: f.token('fastlege') });
    expect(list.body.find((p) => p.id === plan.id)?.adoption).toMatchObject({ status: 'adopted', adopted: 4 });
    const untouched = (await f.plan()).id;
    expect(list.body.find((p) => p.id === untouched)?.adoption ?? null).toBeNull();
  });

  it('[AD5] a text changed after the version was sent is flagged as needing a new round, naming the section', async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName } = plan.section(TITLE);
    const v1 = await version(plan, 'Endelig plan');
    await send(plan, v1);
    expect((await adoptions(plan)).rounds[0]).toMatchObject({ textChanged: false, changedSections: [] });

    const client = connectProvider(f.url, f.token('kommune'), documentName);
    await client.synced();
    appendParagraph(client.doc, 'Et nytt avsnitt etter vedtaksrunden.');
    await waitFor(async () => (await storedSectionText(f.db, sectionId)).includes('nytt avsnitt etter'));
    client.destroy();

    expect((await adoptions(plan)).rounds[0]).toMatchObject({ textChanged: true, changedSections: [sectionId] });
    expect((await plan.view('kommune')).adoption).toMatchObject({ textChanged: true, status: 'sent' });
    // A new round on a version of the new text clears it.
    const v2 = await version(plan, 'Endelig plan 2');
    await send(plan, v2);
    expect((await plan.view('kommune')).adoption).toMatchObject({ versionId: v2, textChanged: false, adopted: 0 });
  });
});
