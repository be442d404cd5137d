import type { HearingSummaryView, PublicHearingView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  api,
  command,
  publishHearing,
  respondToHearing,
  sampleResponse,
  TestClock,
  useFixture,
} from '../testing/index.js';

const clock = new TestClock();
const f = useFixture({ clock: clock.now });

describe('archiving a plan on hearing', () => {
  it('[HR3] closes its open hearing: no page says «open» to a respondent the server then refuses', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Samarbeidsstruktur og organisering').id;
    const hearing = await publishHearing(f, clock, plan);
    // The sekretariat is the fixture's administrator.
    expect((await command(f.url, f.token('sekretariat'), 'plans.archive', { planId: plan.id })).status).toBe(200);
    const refused = await respondToHearing(f.url, hearing.publicToken, sampleResponse(sectionId));
    expect(refused.body.error?.code).toBe('hearing_closed');
    const page = await api<PublicHearingView>(f.url, `/api/public/hearings/${hearing.publicToken}`);
    expect(page.body).toMatchObject({ open: false, closedEarly: true });
    const listed = await api<HearingSummaryView[]>(f.url, `/api/plans/${plan.id}/hearings`, {
      token: f.token('kommune'),
    });
    expect(listed.body.map((h) => h.open)).toEqual([false]);
    const verify = await api<{ ok: boolean }>(f.url, `/api/plans/${plan.id}/audit/verify`, {
      token: f.token('kommune'),
    });
    expect(verify.body.ok).toBe(true);
  });
});
