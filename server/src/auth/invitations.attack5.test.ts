import type { CommandResult } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { adminPartnershipSpec, ADMIN_TEST_PASSWORD, api, command, useFixture } from '../testing/index.js';

const f = useFixture();

const tokenOf = (body: unknown) => (body as CommandResult<'invitations.create'>).url.split('/invite/')[1] ?? '';

describe('one address invited twice, accepted at once', () => {
  it('[ADM3] two helsefellesskap invite the same address and both links are opened at once: one account, the other 409, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
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
  });
});
