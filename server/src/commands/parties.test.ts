import type { PartnershipView, PlanView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import {
  adminPartnershipSpec,
  api,
  command,
  connectProvider,
  useFixture,
  waitFor,
  type FixturePartnership,
} from '../testing/index.js';

const f = useFixture();

const partnershipOf = async (p: FixturePartnership) =>
  (await api<PartnershipView>(f.url, '/api/partnership', { token: p.token('admin') })).body;

const adminEvents = (p: FixturePartnership) =>
  f.db.selectFrom('admin_events').selectAll().where('helsefellesskap_id', '=', p.id).orderBy('at').execute();

describe('parties.create and parties.update', () => {
  it('[ADM2] an administrator adds a helseregion with its organisation number and description', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const res = await command(f.url, p.token('admin'), 'parties.create', {
      name: 'Helseregion Hadeland',
      kind: 'kommune',
      orgNumber: '958 935 420',
      description: 'Helseregion Hadeland (3 kommuner)',
    });
    expect(res.status).toBe(200);
    const id = res.body.id as string;
    const party = (await partnershipOf(p)).parties.find((x) => x.id === id);
    expect(party).toEqual({
      id,
      name: 'Helseregion Hadeland',
      kind: 'kommune',
      orgNumber: '958935420',
      description: 'Helseregion Hadeland (3 kommuner)',
      active: true,
    });
    const events = await adminEvents(p);
    expect(events.at(-1)).toMatchObject({ type: 'party.created', actor_user_id: p.user('admin').id });
    expect(JSON.parse(events.at(-1)?.payload ?? '{}')).toMatchObject({ partyId: id, orgNumber: '958935420' });
  });

  it('[ADM2] input is validated: organisation numbers by mod 11, kinds, names', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const cases: [unknown, string, string][] = [
      [{ name: 'Feil', kind: 'kommune', orgNumber: '958935421' }, 'invalid_org_number', 'orgNumber'],
      [{ name: 'Feil', kind: 'kommune', orgNumber: '12345678' }, 'invalid_org_number', 'orgNumber'],
      [{ name: 'Feil', kind: 'fylke' }, 'invalid_input', 'kind'],
      [{ name: '   ', kind: 'kommune' }, 'name_required', 'name'],
      [{ name: 'Feil', kind: 'kommune', role: 'admin' }, 'invalid_input', 'body'],
    ];
    for (const [body, code, field] of cases) {
      const res = await command(f.url, p.token('admin'), 'parties.create', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe(code);
      if (field !== 'body') expect(res.body.error?.field).toBe(field);
    }
    expect((await partnershipOf(p)).parties).toHaveLength(3);
  });

  it('[ADM2] renaming reaches open plan pages live; null clears the organisation number', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const kommune = p.party('kommune');
    await command(f.url, p.token('admin'), 'parties.update', { partyId: kommune, orgNumber: '983971768' });
    const watcher = connectProvider(f.url, p.token('kommune'), p.plan.documentName);
    await watcher.synced();
    const res = await command(f.url, p.token('admin'), 'parties.update', {
      partyId: kommune,
      name: 'Gjøvik kommune',
      orgNumber: null,
      description: 'Vertskommune',
    });
    expect(res.status).toBe(200);
    await waitFor(() =>
      (watcher.doc.getMap('projection').get('parties') as PlanView['parties'] | undefined)?.some(
        (party) => party.name === 'Gjøvik kommune',
      ),
    );
    expect((await p.plan.view('kommune')).parties.find((x) => x.id === kommune)?.name).toBe('Gjøvik kommune');
    expect((await partnershipOf(p)).parties.find((x) => x.id === kommune)).toMatchObject({
      name: 'Gjøvik kommune',
      orgNumber: null,
      description: 'Vertskommune',
    });
    const event = (await adminEvents(p)).at(-1);
    expect(event?.type).toBe('party.updated');
    expect(JSON.parse(event?.payload ?? '{}')).toMatchObject({
      before: { orgNumber: '983971768' },
      changes: { name: 'Gjøvik kommune', orgNumber: null, description: 'Vertskommune' },
    });
    watcher.destroy();
  });
});

describe('parties.deactivate and parties.reactivate', () => {
  it("[ADM4] deactivating a party ends its people's sessions and closes their open sockets at once", async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const section = p.section('Felles del');
    const writer = connectProvider(f.url, p.token('kommune'), section.documentName);
    const other = connectProvider(f.url, p.token('hf'), section.documentName);
    await Promise.all([writer.synced(), other.synced()]);
    expect(await writer.ready).toBe('read-write');

    const res = await command(f.url, p.token('admin'), 'parties.deactivate', { partyId: p.party('kommune') });
    expect(res.status).toBe(200);
    await waitFor(() => !writer.provider.isAuthenticated);
    expect(other.provider.isAuthenticated).toBe(true);
    expect(
      await f.db.selectFrom('sessions').select('user_id').where('user_id', '=', p.user('kommune').id).execute(),
    ).toEqual([]);
    expect((await api(f.url, '/api/plans', { token: p.token('kommune') })).status).toBe(401);
    const login = await api(f.url, '/api/session', {
      body: { email: p.user('kommune').email, password: 'et-langt-passord' },
    });
    expect(login.status).toBe(401);
    expect(
      await connectProvider(f.url, p.token('kommune'), section.documentName).ready.catch((e: Error) => e.message),
    ).toBe('unauthenticated');

    expect(
      (await command(f.url, p.token('admin'), 'parties.deactivate', { partyId: p.party('kommune') })).body.error?.code,
    ).toBe('already_inactive');
    // Invitations into it wait until it is active again.
    const invite = await command(f.url, p.token('admin'), 'invitations.create', {
      partyId: p.party('kommune'),
      email: 'ny@kommune.no',
      name: 'Ny Person',
    });
    expect(invite.status).toBe(409);
    expect(invite.body.error?.code).toBe('party_inactive');
    expect((await partnershipOf(p)).parties.find((x) => x.id === p.party('kommune'))?.active).toBe(false);

    const back = await command(f.url, p.token('admin'), 'parties.reactivate', { partyId: p.party('kommune') });
    expect(back.status).toBe(200);
    expect(
      (await command(f.url, p.token('admin'), 'parties.reactivate', { partyId: p.party('kommune') })).body.error?.code,
    ).toBe('already_active');
    const again = await api(f.url, '/api/session', {
      body: { email: p.user('kommune').email, password: 'et-langt-passord' },
    });
    expect(again.status).toBe(200);
    expect((await adminEvents(p)).map((e) => e.type).slice(-2)).toEqual(['party.deactivated', 'party.reactivated']);
    writer.destroy();
    other.destroy();
  });

  it('[ADM5] the only sekretariat with an administrator cannot be deactivated (409 last_admin)', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const res = await command(f.url, p.token('admin'), 'parties.deactivate', { partyId: p.party('sekretariat') });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('last_admin');

    // With an administrator in a second sekretariat, it can.
    const second = await command(f.url, p.token('admin'), 'parties.create', {
      name: 'Nytt sekretariat',
      kind: 'sekretariat',
    });
    const moved = await command(f.url, p.token('admin'), 'users.update', {
      userId: p.user('medarbeider').id,
      partyId: second.body.id,
      role: 'admin',
    });
    expect(moved.status).toBe(200);
    const done = await command(f.url, p.token('admin'), 'parties.deactivate', { partyId: p.party('sekretariat') });
    expect(done.status).toBe(200);
    // Their own session ended with it.
    expect((await api(f.url, '/api/partnership', { token: p.token('admin') })).status).toBe(401);
  });
});
