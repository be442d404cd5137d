import { readTextFromYDoc } from '@fellesplan/editor';
import type { PartnershipView, PlanSummaryView, SessionView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import type { CollabContext } from '../collaboration/context.js';
import {
  adminPartnershipSpec,
  afterProcessed,
  api,
  appendParagraph,
  command,
  connectProvider,
  storedSectionText,
  useFixture,
  waitFor,
  type FixturePartnership,
  ADMIN_TEST_PASSWORD,
} from '../testing/index.js';

const f = useFixture();

/** The person's open document connections on the server. */
function connectionsOf(userId: string) {
  return [...f.server.collaboration.hocuspocus.documents.values()]
    .flatMap((document) => document.getConnections())
    .filter((connection) => (connection.context as Partial<CollabContext>).actor?.userId === userId);
}

const login = (email: string, password = ADMIN_TEST_PASSWORD) =>
  api<SessionView>(f.url, '/api/session', { body: { email, password } });

const peopleOf = async (p: FixturePartnership) =>
  (await api<PartnershipView>(f.url, '/api/partnership', { token: p.token('admin') })).body.users;

describe('users.deactivate and users.reactivate', () => {
  it("[ADM4] a deactivated person's open sockets close at once and every session of theirs gets 401", async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const kari = p.user('kommune');
    const second = (await login(kari.email)).body.token;
    const section = p.section('Kommunens del');
    const writer = connectProvider(f.url, kari.token, section.documentName);
    const planPage = connectProvider(f.url, second, p.plan.documentName);
    const witness = connectProvider(f.url, p.token('admin'), section.documentName);
    await Promise.all([writer.synced(), planPage.synced(), witness.synced()]);
    const closes: number[] = [];
    writer.provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
    expect(connectionsOf(kari.id)).toHaveLength(2);

    const res = await command(f.url, p.token('admin'), 'users.deactivate', { userId: kari.id });
    expect(res.status).toBe(200);
    // At once: by the time the command answered, the server had closed them.
    expect(connectionsOf(kari.id)).toHaveLength(0);
    await waitFor(() => closes.includes(4401));
    for (const token of [kari.token, second]) {
      expect((await api(f.url, '/api/plans', { token })).status).toBe(401);
      await expect(connectProvider(f.url, token, section.documentName).ready).rejects.toThrow('unauthenticated');
    }
    appendParagraph(writer.doc, 'Skrevet etter deaktivering.');
    expect(await storedSectionText(f.db, section.id)).not.toContain('Skrevet etter deaktivering.');
    expect((await login(kari.email)).status).toBe(401);
    expect((await peopleOf(p)).find((u) => u.id === kari.id)?.active).toBe(false);
    expect((await command(f.url, p.token('admin'), 'users.deactivate', { userId: kari.id })).body.error?.code).toBe(
      'already_inactive',
    );

    const back = await command(f.url, p.token('admin'), 'users.reactivate', { userId: kari.id });
    expect(back.status).toBe(200);
    expect((await login(kari.email)).status).toBe(200);
    expect((await command(f.url, p.token('admin'), 'users.reactivate', { userId: kari.id })).body.error?.code).toBe(
      'already_active',
    );
    const events = await f.db
      .selectFrom('admin_events')
      .select('type')
      .where('helsefellesskap_id', '=', p.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['user.deactivated', 'user.reactivated']);
    for (const provider of [writer, planPage, witness]) provider.destroy();
  });

  it('[ADM5] nobody deactivates themselves; of two administrators deactivating each other at once, one stays', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const self = await command(f.url, p.token('admin'), 'users.deactivate', { userId: p.user('admin').id });
    expect(self.status).toBe(409);
    expect(self.body.error?.code).toBe('cannot_deactivate_self');
    const promoted = await command(f.url, p.token('admin'), 'users.update', {
      userId: p.user('medarbeider').id,
      role: 'admin',
    });
    expect(promoted.status).toBe(200);
    const replies = await Promise.all([
      command(f.url, p.token('admin'), 'users.deactivate', { userId: p.user('medarbeider').id }),
      command(f.url, p.token('medarbeider'), 'users.deactivate', { userId: p.user('admin').id }),
    ]);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    // The other finds itself deactivated (401) or the last administrator (409).
    expect(replies.filter((r) => r.status === 401 || r.body.error?.code === 'last_admin')).toHaveLength(1);
    const admins = (await f.db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', [p.user('admin').id, p.user('medarbeider').id])
      .where('deactivated_at', 'is', null)
      .execute()) as unknown[];
    expect(admins).toHaveLength(1);
  });

  it('[ADM5] the last administrator cannot step down (409), and a deactivated party keeps its people from being reactivated', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const res = await command(f.url, p.token('admin'), 'users.update', { userId: p.user('admin').id, role: 'member' });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('last_admin');

    const kari = p.user('kommune').id;
    expect((await command(f.url, p.token('admin'), 'users.deactivate', { userId: kari })).status).toBe(200);
    expect((await command(f.url, p.token('admin'), 'parties.deactivate', { partyId: p.party('kommune') })).status).toBe(
      200,
    );
    const back = await command(f.url, p.token('admin'), 'users.reactivate', { userId: kari });
    expect(back.status).toBe(409);
    expect(back.body.error?.code).toBe('party_inactive');
  });
});

describe('users.update', () => {
  it('[ADM4] a person moved to another party cannot write, through a socket opened before the move, a section the new party does not own', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const kari = p.user('kommune');
    const own = p.section('Kommunens del');
    const writer = connectProvider(f.url, kari.token, own.documentName);
    const witness = connectProvider(f.url, p.token('admin'), own.documentName);
    await Promise.all([writer.synced(), witness.synced()]);
    expect(await writer.ready).toBe('read-write');
    const closes: number[] = [];
    writer.provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
    appendParagraph(writer.doc, 'Skrevet før flyttingen.');
    await waitFor(async () => (await storedSectionText(f.db, own.id)).includes('Skrevet før flyttingen.'));

    const res = await command(f.url, p.token('admin'), 'users.update', {
      userId: kari.id,
      partyId: p.party('helseforetak'),
    });
    expect(res.status).toBe(200);
    // Nothing of the person on the server may still write; their socket was closed to re-authenticate.
    expect(connectionsOf(kari.id).every((connection) => connection.readOnly)).toBe(true);
    await waitFor(() => closes.includes(4403));
    appendParagraph(writer.doc, 'Gammel forbindelse etter flyttingen.');

    // The same session, authenticated again, gets what the new party may do.
    const again = connectProvider(f.url, kari.token, own.documentName);
    expect(await again.ready).toBe('read-only');
    await again.synced();
    appendParagraph(again.doc, 'Ny forbindelse etter flyttingen.');
    await afterProcessed(again, witness);
    const stored = await storedSectionText(f.db, own.id);
    expect(stored).toContain('Skrevet før flyttingen.');
    expect(stored).not.toMatch(/etter flyttingen/);
    expect(readTextFromYDoc(witness.doc)).not.toMatch(/etter flyttingen/);

    const hfSection = connectProvider(f.url, kari.token, p.section('Sykehusets del').documentName);
    expect(await hfSection.ready).toBe('read-write');
    const plans = await api<PlanSummaryView[]>(f.url, '/api/plans', { token: kari.token });
    expect(plans.body.map((plan) => plan.id)).toEqual([p.plan.id]);
    const member = (await p.plan.view('admin')).members.find((m) => m.id === kari.id);
    expect(member?.partyId).toBe(p.party('helseforetak'));
    for (const provider of [writer, witness, again, hfSection]) provider.destroy();
  });

  it('[ADM2] rename, promotion and demotion; roles follow the sekretariat rule; targets must exist here', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const sam = p.user('medarbeider');
    const admin = p.token('admin');
    expect((await command(f.url, admin, 'users.update', { userId: sam.id, name: 'Samuel Medarbeider' })).status).toBe(
      200,
    );
    expect((await command(f.url, admin, 'users.update', { userId: sam.id, role: 'admin' })).status).toBe(200);
    expect((await api(f.url, '/api/partnership', { token: sam.token })).status).toBe(200);
    expect((await command(f.url, admin, 'users.update', { userId: sam.id, role: 'member' })).status).toBe(200);
    expect((await api(f.url, '/api/partnership', { token: sam.token })).status).toBe(403);
    expect((await peopleOf(p)).find((u) => u.id === sam.id)).toMatchObject({
      name: 'Samuel Medarbeider',
      role: 'member',
    });

    const kommuneAdmin = await command(f.url, admin, 'users.update', { userId: p.user('kommune').id, role: 'admin' });
    expect(kommuneAdmin.status).toBe(409);
    expect(kommuneAdmin.body.error?.code).toBe('admin_requires_sekretariat');
    // An administrator moved out of the sekretariat must be made a member in the same step.
    const promoted = await command(f.url, admin, 'users.update', { userId: sam.id, role: 'admin' });
    expect(promoted.status).toBe(200);
    const outOfSekretariat = await command(f.url, admin, 'users.update', {
      userId: sam.id,
      partyId: p.party('kommune'),
    });
    expect(outOfSekretariat.body.error?.code).toBe('admin_requires_sekretariat');
    const movedAndDemoted = await command(f.url, admin, 'users.update', {
      userId: sam.id,
      partyId: p.party('kommune'),
      role: 'member',
    });
    expect(movedAndDemoted.status).toBe(200);

    expect((await command(f.url, admin, 'users.update', { userId: 'finnes-ikke', name: 'X' })).status).toBe(404);
    expect((await command(f.url, admin, 'users.update', { userId: sam.id, partyId: 'finnes-ikke' })).status).toBe(404);
    const events = await f.db.selectFrom('admin_events').selectAll().where('helsefellesskap_id', '=', p.id).execute();
    const last = events.find(
      (e) => e.type === 'user.updated' && e.payload.includes('"partyId":"' + p.party('kommune')),
    );
    expect(JSON.parse(last?.payload ?? '{}')).toMatchObject({
      userId: sam.id,
      before: { role: 'admin', partyId: p.party('sekretariat') },
      changes: { role: 'member', partyId: p.party('kommune') },
    });
  });
});
