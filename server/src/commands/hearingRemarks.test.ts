import type {
  AuditEventView,
  EditSessionView,
  HearingResponseView,
  PublicHearingView,
  SectionContentView,
} from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  api,
  command,
  publishHearing,
  respondToHearing,
  sampleResponse,
  TestClock,
  useFixture,
  type FixturePlan,
  type PublishedHearing,
} from '../testing/index.js';

const clock = new TestClock();
const f = useFixture({ clock: clock.now });
const TITLE = 'Samarbeidsstruktur og organisering';
const TEXT = 'Utkast til samarbeidsstruktur og organisering.';

/** A hearing on a fresh plan with one response carrying `remarks` on TITLE; the remarks as members see them. */
async function remarksOn(remarks: { quote?: string | null; text: string; proposedText?: string | null }[]) {
  const plan = await f.plan({
    sections: [
      'Innledning og mandat',
      { title: TITLE, owners: ['kommune', 'helseforetak'], required: ['kommune', 'helseforetak'], body: TEXT },
    ],
  });
  const sectionId = plan.section(TITLE).id;
  const hearing = await publishHearing(f, clock, plan);
  const res = await respondToHearing(
    f.url,
    hearing.publicToken,
    sampleResponse(sectionId, { remarks: remarks.map((r) => ({ sectionId, ...r })) }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const list = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
    token: f.token('kommune'),
  });
  return { plan, sectionId, hearing, remarks: list.body[0]?.remarks ?? [] };
}

const liveText = async (sectionId: string) =>
  (await api<SectionContentView>(f.url, `/api/sections/${sectionId}/content`, { token: f.token('kommune') })).body;

const frozenText = async (hearing: PublishedHearing, sectionId: string) =>
  (await api<PublicHearingView>(f.url, `/api/public/hearings/${hearing.publicToken}`)).body.sections.find(
    (s) => s.id === sectionId,
  )?.text;

async function log(plan: FixturePlan): Promise<AuditEventView[]> {
  return (await api<AuditEventView[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('kommune') })).body;
}

describe('remarks.assess', () => {
  it('[HR6] the sekretariat and the section owners assess a remark; another party is refused, an outsider finds nothing', async () => {
    const { plan, hearing, remarks } = await remarksOn([{ text: 'Eldrerådet må være med.' }]);
    const remarkId = remarks[0]?.id ?? '';
    expect(remarks[0]?.owners.sort()).toEqual([f.party('kommune'), f.party('helseforetak')].sort());
    const assess = (who: string, assessment: string, justification = 'Rådet tas med i samarbeidsstrukturen.') =>
      command(f.url, who === 'annen' ? f.other.token('kommune') : f.token(who), 'remarks.assess', {
        remarkId,
        assessment,
        justification,
      });
    expect((await assess('sekretariat', 'tatt_til_orientering')).status).toBe(200);
    const owner = await assess('kommune', 'delvis_tatt_til_folge', 'Rådet får en observatørplass.');
    expect(owner.status).toBe(200);
    const refused = await assess('bruker', 'tatt_til_folge');
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('remark_owners_only');
    expect((await assess('fastlege', 'tatt_til_folge')).status).toBe(403);
    expect((await assess('annen', 'tatt_til_folge')).status).toBe(404);
    expect((await assess('kommune', 'kanskje')).status).toBe(400);
    expect((await assess('kommune', 'tatt_til_folge', '  ')).body.error?.code).toBe('justification_required');
    const unknown = await command(f.url, f.token('sekretariat'), 'remarks.assess', {
      remarkId: 'finnes-ikke',
      assessment: 'tatt_til_folge',
      justification: 'x',
    });
    expect(unknown.status).toBe(404);

    const after = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
      token: f.token('bruker'),
    });
    expect(after.body[0]?.remarks[0]).toMatchObject({
      assessment: 'delvis_tatt_til_folge',
      justification: 'Rådet får en observatørplass.',
      assessedBy: { partyId: f.party('kommune'), name: f.user('kommune').name },
    });
    // Re-assessing overwrites the remark, and the log keeps both.
    const assessed = (await log(plan)).filter((e) => e.type === 'remark.assessed');
    expect(assessed.map((e) => e.payload.assessment)).toEqual(['tatt_til_orientering', 'delvis_tatt_til_folge']);
    expect(assessed[1]?.payload.previousAssessment).toBe('tatt_til_orientering');
  });
});

describe('remarks.applyProposal', () => {
  it('[HR7] an owner puts the proposed wording into the live text as an ordinary edit, once; the hearing text stays', async () => {
    const { plan, sectionId, hearing, remarks } = await remarksOn([
      {
        quote: 'samarbeidsstruktur og organisering',
        text: 'Presiser.',
        proposedText: 'samarbeidsstruktur, organisering og ledelse',
      },
      { quote: 'finnes ikke i teksten', text: 'Endre.', proposedText: 'Ny tekst' },
      { quote: null, text: 'Mangler et avsnitt.', proposedText: 'Brukerrådet deltar i alle arbeidsgrupper.' },
      { quote: 'Utkast', text: 'Bare en kommentar.' },
    ]);
    const [replace, missing, append, comment] = remarks.map((r) => r.id);
    const apply = (who: string, remarkId = replace) =>
      command(f.url, who === 'annen' ? f.other.token('kommune') : f.token(who), 'remarks.applyProposal', { remarkId });
    const before = await liveText(sectionId);
    expect(before.text).toBe(TEXT);

    expect((await apply('bruker')).body.error?.code).toBe('not_owner');
    expect((await apply('sekretariat')).body.error?.code).toBe('not_owner');
    expect((await apply('annen')).status).toBe(404);
    const applied = await apply('kommune');
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const after = await liveText(sectionId);
    expect(after.text).toBe('Utkast til samarbeidsstruktur, organisering og ledelse.');
    expect(applied.body.revision).toBe(after.revision);
    expect(after.revision).not.toBe(before.revision);
    expect(await frozenText(hearing, sectionId)).toBe(TEXT);
    const twice = await apply('helseforetak');
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe('already_applied');

    const notFound = await apply('kommune', missing);
    expect(notFound.status).toBe(409);
    expect(notFound.body.error?.code).toBe('quote_not_found');
    expect(notFound.body.error?.message).toMatch(/for hånd/);
    expect((await apply('kommune', comment)).body.error?.code).toBe('no_proposal');
    expect((await apply('kommune', append)).status).toBe(200);
    expect((await liveText(sectionId)).text).toBe(
      'Utkast til samarbeidsstruktur, organisering og ledelse.\n\nBrukerrådet deltar i alle arbeidsgrupper.',
    );

    // History shows the owner's edit; the remark and the log name the revision it made.
    const history = await api<EditSessionView[]>(f.url, `/api/sections/${sectionId}/history`, {
      token: f.token('bruker'),
    });
    expect(history.body[0]?.userId).toBe(f.user('kommune').id);
    const list = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
      token: f.token('bruker'),
    });
    const remark = list.body[0]?.remarks.find((r) => r.id === replace);
    expect(remark?.appliedRevision).toBe(applied.body.revision);
    expect(remark?.appliedAt).toBeTruthy();
    const events = (await log(plan)).filter((e) => e.type === 'remark.applied');
    expect(events.map((e) => e.payload.remarkId)).toEqual([replace, append]);
    expect(events[0]).toMatchObject({ sectionId, actor: { userId: f.user('kommune').id } });
    const verify = await api<{ ok: boolean }>(f.url, `/api/plans/${plan.id}/audit/verify`, {
      token: f.token('kommune'),
    });
    expect(verify.body.ok).toBe(true);
  });

  it('[HR7] refuses while the section is locked', async () => {
    const { plan, sectionId, remarks } = await remarksOn([
      { quote: 'Utkast', text: 'Ikke et utkast lenger.', proposedText: 'Plan' },
    ]);
    await plan.agreeAll(TITLE);
    const lock = await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId });
    expect(lock.status, JSON.stringify(lock.body)).toBe(200);
    const res = await command(f.url, f.token('kommune'), 'remarks.applyProposal', { remarkId: remarks[0]?.id });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('section_locked');
    expect((await liveText(sectionId)).text).toBe(TEXT);
  });
});
