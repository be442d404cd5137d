import type { AuditEventView, HearingResponseView, SectionContentView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  api,
  command,
  publishHearing,
  respondToHearing,
  sampleResponse,
  TestClock,
  useFixture,
  DAY,
} from '../testing/index.js';

const clock = new TestClock();
const f = useFixture({ clock: clock.now });
const TITLE = 'Samarbeidsstruktur og organisering';
const TEXT = 'Utkast til samarbeidsstruktur og organisering.';

const plainPlan = () =>
  f.plan({
    sections: [
      'Innledning og mandat',
      { title: TITLE, owners: ['kommune', 'helseforetak'], required: ['kommune', 'helseforetak'], body: TEXT },
    ],
  });

const publishRaw = (planId: string, title: string) =>
  command(f.url, f.token('sekretariat'), 'hearings.publish', { planId, title, deadline: clock.in(7 * DAY) });

describe('racing the hearing commands', () => {
  it('[HR1] two publishes of one plan at once open one hearing; of two plans, two numbers', async () => {
    const plan = await plainPlan();
    const both = await Promise.all([publishRaw(plan.id, 'A'), publishRaw(plan.id, 'B')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const [one, two] = [await plainPlan(), await plainPlan()];
    const apart = await Promise.all([publishRaw(one.id, 'C'), publishRaw(two.id, 'D')]);
    expect(apart.map((r) => r.status)).toEqual([200, 200]);
    const references = await Promise.all(
      apart.map(async (r) => {
        const token = (r.body as { publicToken: string }).publicToken;
        const sent = await respondToHearing(f.url, token, { ...sampleResponse('x'), remarks: [] });
        return (sent.body as { reference?: string }).reference?.replace(/-\d+$/, '');
      }),
    );
    expect(new Set(references).size).toBe(2);
  });

  it('[HR3][HR11] responses racing a close land before it in the log, or are refused', async () => {
    const plan = await plainPlan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publishHearing(f, clock, plan);
    const [closed, ...sent] = await Promise.all([
      command(f.url, f.token('sekretariat'), 'hearings.close', { hearingId: hearing.id }),
      ...Array.from({ length: 10 }, () => respondToHearing(f.url, hearing.publicToken, sampleResponse(sectionId))),
    ]);
    expect(closed?.status).toBe(200);
    for (const res of sent) expect([200, 409]).toContain(res.status);
    const log = (await api<AuditEventView[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('kommune') })).body;
    const order = [...log].sort((a, b) => a.at.localeCompare(b.at)).map((e) => e.type);
    const closedAt = order.indexOf('hearing.closed');
    expect(order.slice(closedAt)).not.toContain('hearing.response_received');
    const accepted = sent.filter((r) => r.status === 200).length;
    expect(order.filter((t) => t === 'hearing.response_received')).toHaveLength(accepted);
    const verify = await api<{ ok: boolean }>(f.url, `/api/plans/${plan.id}/audit/verify`, {
      token: f.token('kommune'),
    });
    expect(verify.body.ok).toBe(true);
  });

  it('[HR7] two owners applying one proposal at once put it in once; markup in it stays text', async () => {
    const plan = await plainPlan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publishHearing(f, clock, plan);
    const injected = '<h1 onclick="alert(1)">Overskrift</h1>\n\n# Ikke en overskrift\n\n- ikke en liste';
    const res = await respondToHearing(
      f.url,
      hearing.publicToken,
      sampleResponse(sectionId, { remarks: [{ sectionId, quote: null, text: 'Legg til.', proposedText: injected }] }),
    );
    expect(res.status).toBe(200);
    const list = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
      token: f.token('kommune'),
    });
    const remarkId = list.body[0]?.remarks[0]?.id;
    const both = await Promise.all(
      ['kommune', 'helseforetak'].map((who) => command(f.url, f.token(who), 'remarks.applyProposal', { remarkId })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const live = await api<SectionContentView>(f.url, `/api/sections/${sectionId}/content`, {
      token: f.token('kommune'),
    });
    expect(live.body.text).toBe(
      `${TEXT}\n\n<h1 onclick="alert(1)">Overskrift</h1>\n\n# Ikke en overskrift\n\n- ikke en liste`,
    );
    const types = JSON.stringify(live.body.json).match(/"type":"[a-zA-Z]+"/g) ?? [];
    expect(new Set(types)).toEqual(new Set(['"type":"doc"', '"type":"paragraph"', '"type":"text"']));
  });
});
