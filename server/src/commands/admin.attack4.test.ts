import * as encoding from 'lib0/encoding';
import type { CommandResult, PartnershipView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { redactUrl } from '../http/redactUrl.js';
import {
  adminPartnershipSpec,
  ADMIN_TEST_PASSWORD,
  api,
  appendParagraph,
  command,
  rawCollabClient,
  storedSectionText,
  useFixture,
  waitFor,
  type FixturePartnership,
} from '../testing/index.js';

const f = useFixture();

type Invitation = CommandResult<'invitations.create'>;

/** Every administrative command with a valid body aimed at the partnership `p`. */
async function adminCommands(p: FixturePartnership): Promise<[string, Record<string, unknown>][]> {
  const invitation = await command(f.url, p.token('admin'), 'invitations.create', {
    partyId: p.party('kommune'),
    email: `maal.${Math.random().toString(36).slice(2)}@kommune.no`,
    name: 'Mål Person',
  });
  expect(invitation.status).toBe(200);
  const invitationId = invitation.body.id as string;
  const partyId = p.party('kommune');
  const userId = p.user('kommune').id;
  return [
    ['parties.create', { name: 'Ny part', kind: 'kommune' }],
    ['parties.update', { partyId, name: 'Omdøpt' }],
    ['parties.deactivate', { partyId }],
    ['parties.reactivate', { partyId }],
    ['invitations.create', { partyId, email: 'inntrenger@example.no', name: 'Inntrenger', role: 'admin' }],
    ['invitations.revoke', { invitationId }],
    ['users.update', { userId, role: 'admin', partyId: p.party('sekretariat') }],
    ['users.deactivate', { userId }],
    ['users.reactivate', { userId }],
  ];
}

/** What an attack must leave untouched: parties, people, invitations of the partnership. */
async function snapshot(p: FixturePartnership) {
  const parties = await f.db
    .selectFrom('parties')
    .selectAll()
    .where('helsefellesskap_id', '=', p.id)
    .orderBy('id')
    .execute();
  const users = await f.db
    .selectFrom('users')
    .selectAll()
    .where(
      'party_id',
      'in',
      parties.map((x) => x.id),
    )
    .orderBy('id')
    .execute();
  const invitations = await f.db
    .selectFrom('invitations')
    .selectAll()
    .where('helsefellesskap_id', '=', p.id)
    .orderBy('id')
    .execute();
  return { parties, users, invitations };
}

describe('administration attacked from the outside', () => {
  it('[ADM2] every administrative command and the partnership page refuse non-administrators (403 admin_only)', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    // A role forged in the database outside a sekretariat does not make an administrator either.
    await f.db.updateTable('users').set({ role: 'admin' }).where('id', '=', p.user('hf').id).execute();
    const before = await snapshot(p);
    const commands = await adminCommands(p);
    const after = await snapshot(p);
    for (const who of ['kommune', 'medarbeider', 'hf']) {
      for (const [name, body] of commands) {
        const res = await command(f.url, p.token(who), name, body);
        expect(res.status, `${who} ${name}`).toBe(403);
        expect(res.body.error?.code).toBe('admin_only');
      }
      const page = await api(f.url, '/api/partnership', { token: p.token(who) });
      expect(page.status).toBe(403);
      expect(page.body).toMatchObject({ error: { code: 'admin_only' } });
    }
    for (const [name, body] of commands) expect((await command(f.url, '', name, body)).status).toBe(401);
    expect((await api(f.url, '/api/partnership')).status).toBe(401);
    // Nothing changed but the invitation the administrator made for the test.
    expect(await snapshot(p)).toEqual(after);
    expect(after.invitations).toHaveLength(before.invitations.length + 1);
  });

  it("[ADM2] an administrator of another helsefellesskap finds none of this one's parties, people or invitations (404)", async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const intruder = await f.partnership(adminPartnershipSpec());
    const commands = await adminCommands(p);
    const before = await snapshot(p);
    for (const [name, body] of commands) {
      if (name === 'parties.create') continue; // acts on the actor's own helsefellesskap, by definition
      const res = await command(f.url, intruder.token('admin'), name, body);
      expect(res.status, name).toBe(404);
      expect(res.body.error?.code).toBe('not_found');
    }
    // Nor can they pull one of theirs into it, or one of these into theirs.
    const pull = await command(f.url, intruder.token('admin'), 'users.update', {
      userId: intruder.user('kommune').id,
      partyId: p.party('kommune'),
    });
    expect(pull.status).toBe(404);
    const page = await api<PartnershipView>(f.url, '/api/partnership', { token: intruder.token('admin') });
    expect(page.body.id).toBe(intruder.id);
    const ids = JSON.stringify(page.body);
    for (const party of before.parties) expect(ids).not.toContain(party.id);
    for (const user of before.users) expect(ids).not.toContain(user.id);
    expect(await snapshot(p)).toEqual(before);
  });

  it('[ADM1] the setup of a helsefellesskap that exists is refused (409) whatever the token', async () => {
    const res = await api(f.url, '/api/setup', {
      body: {
        token: 'x',
        partnershipName: 'Overtakelse',
        admin: { name: 'Mallory', email: 'mallory@example.no', password: 'et-langt-passord' },
      },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'setup_done' } });
    expect(await f.db.selectFrom('users').select('id').where('email', '=', 'mallory@example.no').execute()).toEqual([]);
  });
});

describe('invitations attacked', () => {
  const accept = (token: string, body: Record<string, unknown> = {}) =>
    api(f.url, `/api/invitations/${token}/accept`, {
      body: { name: 'Ola Inviter', password: ADMIN_TEST_PASSWORD, ...body },
    });
  const tokenOf = (res: { body: unknown }) => (res.body as Invitation).url.split('/invite/')[1] ?? '';

  it('[ADM3] the invited cannot choose their role, party or e-mail; odd tokens are refused', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const token = tokenOf(
      await command(f.url, p.token('admin'), 'invitations.create', {
        partyId: p.party('kommune'),
        email: `ola.${Date.now()}@kommune.no`,
        name: 'Ola',
      }),
    );
    for (const extra of [{ role: 'admin' }, { partyId: p.party('sekretariat') }, { email: 'annen@example.no' }]) {
      const res = await accept(token, extra);
      expect(res.status, JSON.stringify(extra)).toBe(400);
    }
    for (const odd of ['a'.repeat(201), '%00', '..%2F..%2Fapi%2Fplans']) {
      const res = await api(f.url, `/api/invitations/${odd}`);
      // 414: longer than Fastify lets a path parameter be.
      expect([400, 404, 414]).toContain(res.status);
    }
    const ok = await accept(token);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ user: { role: 'member', partyId: p.party('kommune') } });
  });

  it('[ADM3] a link into a party deactivated since, or for an address that got an account since, creates nobody', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const email = `dobbel.${Date.now()}@kommune.no`;
    const intoKommune = tokenOf(
      await command(f.url, p.token('admin'), 'invitations.create', {
        partyId: p.party('kommune'),
        email: `k.${email}`,
        name: 'K',
      }),
    );
    expect((await command(f.url, p.token('admin'), 'parties.deactivate', { partyId: p.party('kommune') })).status).toBe(
      200,
    );
    const deactivated = await accept(intoKommune);
    expect(deactivated.status).toBe(409);
    expect(deactivated.body).toMatchObject({ error: { code: 'party_inactive' } });

    // Two helsefellesskap invite the same address; the second link fails once the first is used.
    const other = await f.partnership(adminPartnershipSpec());
    const first = tokenOf(
      await command(f.url, p.token('admin'), 'invitations.create', {
        partyId: p.party('helseforetak'),
        email,
        name: 'E',
      }),
    );
    const second = tokenOf(
      await command(f.url, other.token('admin'), 'invitations.create', {
        partyId: other.party('kommune'),
        email,
        name: 'E',
      }),
    );
    expect((await accept(first)).status).toBe(200);
    const taken = await accept(second);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: { code: 'email_taken' } });
    expect(await f.db.selectFrom('users').select('party_id').where('email', '=', email).execute()).toEqual([
      { party_id: p.party('helseforetak') },
    ]);
  });

  it('[ADM3] request logs never carry a setup or invitation token', () => {
    expect(redactUrl('/api/invitations/abcDEF_123-x/accept')).toBe('/api/invitations/[token]/accept');
    expect(redactUrl('/invite/abcDEF_123-x?x=1')).toBe('/invite/[token]?x=1');
    expect(redactUrl('/setup/abcDEF_123-x')).toBe('/setup/[token]');
    expect(redactUrl('/api/plans/abc')).toBe('/api/plans/abc');
  });
});

describe('rights removed while a crafted client holds a socket', () => {
  /** One update appending a paragraph, as a client that ignores read-only would send it. */
  function sendParagraph(client: Awaited<ReturnType<typeof rawCollabClient>>, text: string): void {
    const doc = new Y.Doc();
    appendParagraph(doc, text);
    client.send((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
    });
  }

  it('[ADM4] moved to another party: the old socket is closed, a new one is read-only, and no crafted update is stored', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const kari = p.user('kommune');
    const section = p.section('Kommunens del');
    const before = await rawCollabClient(f.url, section.documentName, kari.token);
    await waitFor(() => before.received.length > 0);
    sendParagraph(before, 'Før flytting.');
    await waitFor(async () => (await storedSectionText(f.db, section.id)).includes('Før flytting.'));
    const closed = new Promise<number>((resolve) => before.ws.once('close', (code: number) => resolve(code)));

    const moved = await command(f.url, p.token('admin'), 'users.update', {
      userId: kari.id,
      partyId: p.party('helseforetak'),
    });
    expect(moved.status).toBe(200);
    expect(await closed).toBe(4403);

    const after = await rawCollabClient(f.url, section.documentName, kari.token);
    await waitFor(() => after.received.length > 0);
    sendParagraph(after, 'Etter flytting.');
    // The server handled it: it tells the crafted client its changes are refused (read-only).
    await waitFor(() => after.received.some((frame) => frame.toString('utf8').includes('"readOnly":true')));
    const text = await storedSectionText(f.db, section.id);
    expect(text).toContain('Før flytting.');
    expect(text).not.toContain('Etter flytting.');
    after.close();
  });

  it('[ADM4] deactivated: the crafted socket is closed and its session is refused on a new one', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const kari = p.user('kommune');
    const section = p.section('Kommunens del');
    const client = await rawCollabClient(f.url, section.documentName, kari.token);
    await waitFor(() => client.received.length > 0);
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code: number) => resolve(code)));
    expect((await command(f.url, p.token('admin'), 'users.deactivate', { userId: kari.id })).status).toBe(200);
    expect(await closed).toBe(4401);
    const again = await rawCollabClient(f.url, section.documentName, kari.token);
    sendParagraph(again, 'Etter deaktivering.');
    await waitFor(() => again.ws.readyState === again.ws.CLOSED || again.received.length > 0);
    expect(await storedSectionText(f.db, section.id)).not.toContain('Etter deaktivering.');
    again.close();
  });
});
