import type { AuditEventView, PlanView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, command, useTestServer, type DemoTokens, type TestServer } from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

const token = (who: string) => tokens[who] ?? '';
const audit = () =>
  api<AuditEventView[]>(server.url, `/api/plans/${server.demo.planId}/audit`, { token: token('bruker') });
const verify = () =>
  api<{ ok: boolean; events?: number; brokenAt?: number }>(
    server.url,
    `/api/plans/${server.demo.planId}/audit/verify`,
    { token: token('bruker') },
  );

describe('decision log (A1)', () => {
  it('[A1] records every governance command with actor, party, time, type and revision', async () => {
    const sectionId = server.demo.sectionIds[4] ?? '';
    const plan = (await api<PlanView>(server.url, `/api/plans/${server.demo.planId}`, { token: token('kommune') }))
      .body;
    const revision = plan.sections[4]?.revision;
    for (const who of ['kommune', 'hf', 'fastlege', 'bruker']) {
      await command(server.url, token(who), 'sections.mark', { sectionId, stance: 'agree', revision });
    }
    await command(server.url, token('sekretariat'), 'sections.lock', { sectionId });
    await command(server.url, token('sekretariat'), 'sections.unlock', { sectionId, reason: 'Ny høring' });
    // Refused commands leave no trace.
    await command(server.url, token('kommune'), 'sections.lock', { sectionId });

    const { body: events } = await audit();
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
      actor: { name: 'Ola Hansen', partyName: 'Demo HF', partyId: server.demo.partyIds.helseforetak },
      sectionId,
      sectionTitle: '5 Barn og unge',
      payload: { stance: 'agree', note: null, revision },
    });
    expect(events[5]?.payload).toMatchObject({ reason: 'Ny høring' });
    expect(events[0]?.prevHash).toBe('0'.repeat(64));
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect((await verify()).body).toMatchObject({ ok: true, events: 6 });
  });

  it('[A1] is visible to members only', async () => {
    expect((await api(server.url, `/api/plans/${server.demo.planId}/audit`, { token: token('annen') })).status).toBe(
      404,
    );
    expect((await api(server.url, `/api/plans/${server.demo.planId}/audit/verify`)).status).toBe(401);
  });

  it('[A1] detects a tampered row, a deleted row and a truncated tail', async () => {
    const { body: events } = await audit();
    const third = events[2];
    if (!third) throw new Error('no events');
    const original = await server.db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', third.id)
      .executeTakeFirstOrThrow();

    await server.db
      .updateTable('audit_events')
      .set({ payload: JSON.stringify({ stance: 'disagree', note: null, revision: 'x' }) })
      .where('id', '=', third.id)
      .execute();
    expect((await verify()).body).toMatchObject({ ok: false, brokenAt: third.id, reason: 'chain' });
    await server.db.updateTable('audit_events').set({ payload: original.payload }).where('id', '=', third.id).execute();
    expect((await verify()).body).toMatchObject({ ok: true, events: 6 });

    await server.db
      .updateTable('audit_events')
      .set({ actor_party_id: server.demo.partyIds.bruker ?? '' })
      .where('id', '=', third.id)
      .execute();
    expect((await verify()).body).toMatchObject({ ok: false, brokenAt: third.id });
    await server.db
      .updateTable('audit_events')
      .set({ actor_party_id: original.actor_party_id })
      .where('id', '=', third.id)
      .execute();

    await server.db.deleteFrom('audit_events').where('id', '=', third.id).execute();
    expect((await verify()).body).toMatchObject({ ok: false });
    await server.db.insertInto('audit_events').values(original).execute();
    expect((await verify()).body).toMatchObject({ ok: true, events: 6 });

    const last = events[5];
    if (!last) throw new Error('no events');
    await server.db.deleteFrom('audit_events').where('id', '=', last.id).execute();
    expect((await verify()).body).toMatchObject({ ok: false });
  });
});
