import type { CommandResult } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { adminPartnershipSpec, ADMIN_TEST_PASSWORD, api, command, useFixture } from '../testing/index.js';

const f = useFixture();

const tokenOf = (body: unknown) => (body as CommandResult<'invitations.create'>).url.split('/invite/')[1] ?? '';

describe('one address invited twice, accepted at once', () => {
  it('[ADM3] two helsefellesskap invite the same address and both links are opened at once: one account, the other 409, never a 500', async () => {
    // Each round seeds two partnerships (scrypt for every person): a few rounds, a generous timeout.
    for (let round = 0; round < 2; round++) {
      const email = `samtidig.${round}.${Date.now()}@kommune.no`;
      const tokens: string[] = [];
      for (const p of [await f.partnership(adminPartnershipSpec()), await f.partnership(adminPartnershipSpec())]) {
        const res = await command(f.url, p.token('admin'), 'invitations.create', {
          partyId: p.party('kommune'),
          email,
          name: 'Samtidig',
        });
        expect(res.status).toBe(200);
        tokens.push(tokenOf(res.body));
      }
      const replies = await Promise.all(
        tokens.map((token) =>
          api(f.url, `/api/invitations/${token}/accept`, { body: { name: 'Samtidig', password: ADMIN_TEST_PASSWORD } }),
        ),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(replies.find((r) => r.status === 409)?.body).toMatchObject({ error: { code: 'email_taken' } });
      const accounts = await f.db.selectFrom('users').select('id').where('email', '=', email).execute();
      expect(accounts).toHaveLength(1);
    }
  }, 60_000);
});

describe('an administrator on the way out', () => {
  it('[ADM3] invites a private address as admin, is deactivated, and the link no longer works; a link from an administrator still in office does', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const invite = async (token: string, email: string) => {
      const res = await command(f.url, token, 'invitations.create', {
        partyId: p.party('sekretariat'),
        email,
        name: 'Privat',
        role: 'admin',
      });
      expect(res.status).toBe(200);
      return tokenOf(res.body);
    };
    const leaving = await invite(p.token('admin'), `privat.${Date.now()}@example.no`);
    // Another administrator takes over and deactivates the one leaving.
    const successor = p.user('medarbeider');
    expect(
      (await command(f.url, p.token('admin'), 'users.update', { userId: successor.id, role: 'admin' })).status,
    ).toBe(200);
    const staying = await invite(p.token('medarbeider'), `ny.${Date.now()}@example.no`);
    expect(
      (await command(f.url, p.token('medarbeider'), 'users.deactivate', { userId: p.user('admin').id })).status,
    ).toBe(200);

    const preview = await api(f.url, `/api/invitations/${leaving}`);
    expect(preview.status).toBe(404);
    const accepted = await api(f.url, `/api/invitations/${leaving}/accept`, {
      body: { name: 'Privat', password: ADMIN_TEST_PASSWORD },
    });
    expect(accepted.status).toBe(404);
    expect(accepted.body).toMatchObject({ error: { code: 'invitation_invalid' } });

    const ok = await api(f.url, `/api/invitations/${staying}/accept`, {
      body: { name: 'Ny', password: ADMIN_TEST_PASSWORD },
    });
    expect(ok.status).toBe(200);
  }, 60_000);
});
