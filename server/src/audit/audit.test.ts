import type { AuditEventView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, command, useFixture, type FixturePlan } from '../testing/index.js';

const f = useFixture();

const audit = (plan: FixturePlan) =>
  api<AuditEventView[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('bruker') });
const verify = (plan: FixturePlan) =>
  api<{ ok: boolean; events?: number; brokenAt?: number }>(f.url, `/api/plans/${plan.id}/audit/verify`, {
    token: f.token('bruker'),
  });

/** A plan of the test's own whose log holds four marks, a lock and an unlock of «Barn og unge». */
async function planWithDecisions() {
  const plan = await f.plan();
  const sectionId = plan.section('Barn og unge').id;
  const revision = (await plan.sectionView('Barn og unge', 'kommune')).revision;
  for (const who of ['kommune', 'helseforetak', 'fastlege', 'bruker']) {
    await command(f.url, f.token(who), 'sections.mark', { sectionId, stance: 'agree', revision });
  }
  await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId });
  await command(f.url, f.token('sekretariat'), 'sections.unlock', { sectionId, reason: 'Ny høring' });
  // Refused commands leave no trace.
  await command(f.url, f.token('kommune'), 'sections.lock', { sectionId });
  return { plan, sectionId, revision };
}

describe('decision log (A1)', () => {
  it('[A1] records every governance command with actor, party, time, type and revision', async () => {
    const { plan, sectionId, revision } = await planWithDecisions();
    const { body: events } = await audit(plan);
    expect(events.map((e) => e.type)).toEqual([
      'section.marked',
      'section.marked',
      'section.marked',
      'section.marked',
      'section.locked',
      'section.unlocked',
    ]);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events[1]).toMatchObject({
      actor: { name: 'Ola Hansen', partyName: 'Demo HF', partyId: f.party('helseforetak') },
      sectionId,
      sectionTitle: '5 Barn og unge',
      payload: { stance: 'agree', note: null, revision },
    });
    expect(events[5]?.payload).toMatchObject({ reason: 'Ny høring' });
    expect(events[0]?.prevHash).toBe('0'.repeat(64));
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect((await verify(plan)).body).toMatchObject({ ok: true, events: 6 });
  });

  it('[A1] is visible to members only', async () => {
    const planId = f.demo.plan.id;
    expect((await api(f.url, `/api/plans/${planId}/audit`, { token: f.other.token('kommune') })).status).toBe(404);
    expect((await api(f.url, `/api/plans/${planId}/audit/verify`)).status).toBe(401);
  });

  it('[A1] detects a tampered row, a deleted row and a truncated tail', async () => {
    const { plan } = await planWithDecisions();
    const { body: events } = await audit(plan);
    const third = events[2];
    if (!third) throw new Error('no events');
    const original = await f.db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', third.id)
      .executeTakeFirstOrThrow();

    await f.db
      .updateTable('audit_events')
      .set({ payload: JSON.stringify({ stance: 'disagree', note: null, revision: 'x' }) })
      .where('id', '=', third.id)
      .execute();
    expect((await verify(plan)).body).toMatchObject({ ok: false, brokenAt: third.id, reason: 'chain' });
    await f.db.updateTable('audit_events').set({ payload: original.payload }).where('id', '=', third.id).execute();
    expect((await verify(plan)).body).toMatchObject({ ok: true, events: 6 });

    await f.db
      .updateTable('audit_events')
      .set({ actor_party_id: f.party('bruker') })
      .where('id', '=', third.id)
      .execute();
    expect((await verify(plan)).body).toMatchObject({ ok: false, brokenAt: third.id });
    await f.db
      .updateTable('audit_events')
      .set({ actor_party_id: original.actor_party_id })
      .where('id', '=', third.id)
      .execute();

    await f.db.deleteFrom('audit_events').where('id', '=', third.id).execute();
    expect((await verify(plan)).body).toMatchObject({ ok: false });
    await f.db.insertInto('audit_events').values(original).execute();
    expect((await verify(plan)).body).toMatchObject({ ok: true, events: 6 });

    const last = events[5];
    if (!last) throw new Error('no events');
    await f.db.deleteFrom('audit_events').where('id', '=', last.id).execute();
    expect((await verify(plan)).body).toMatchObject({ ok: false });
  });
});
