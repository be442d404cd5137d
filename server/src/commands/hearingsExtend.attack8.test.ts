import type { HearingSummaryView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, command, DAY, HOUR, publishHearing, TestClock, useFixture } from '../testing/index.js';

const clock = new TestClock();
const f = useFixture({ clock: clock.now });

describe('attacks on hearing deadlines', () => {
  it('[HR1][HR3] extending a lapsed hearing never makes two hearings of one plan open at once', async () => {
    const plan = await f.plan();
    const first = await publishHearing(f, clock, plan, { deadline: clock.in(HOUR) });
    clock.advance(2 * HOUR);
    // The first lapsed, so a second may open; extending the first now would open two.
    const second = await publishHearing(f, clock, plan, { title: 'Ny høring', deadline: clock.in(7 * DAY) });
    const extend = await command(f.url, f.token('sekretariat'), 'hearings.extend', {
      hearingId: first.id,
      deadline: clock.in(3 * DAY),
      reason: 'Gjenåpner den første',
    });
    expect(extend.status).toBe(409);
    expect(extend.body.error?.code).toBe('hearing_already_open');
    const listed = await api<HearingSummaryView[]>(f.url, `/api/plans/${plan.id}/hearings`, {
      token: f.token('sekretariat'),
    });
    expect(listed.body.filter((h) => h.open).map((h) => h.id)).toEqual([second.id]);

    // Once the second is closed, the first may be extended (it lapsed, it was never closed).
    expect((await command(f.url, f.token('sekretariat'), 'hearings.close', { hearingId: second.id })).status).toBe(200);
    const later = await command(f.url, f.token('sekretariat'), 'hearings.extend', {
      hearingId: first.id,
      deadline: clock.in(3 * DAY),
      reason: 'Gjenåpner den første',
    });
    expect(later.status).toBe(200);
  });
});
