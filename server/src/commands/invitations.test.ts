import type {
  CommandResult,
  InvitationPreview,
  PartnershipView,
  PlanSummaryView,
  SessionView,
} from '@fellesplan/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/sessions.js';
import {
  adminPartnershipSpec,
  api,
  command,
  startFixture,
  startSmtpCatcher,
  waitFor,
  type Fixture,
  type FixturePartnership,
  type SmtpCatcher,
} from '../testing/index.js';

type Invitation = CommandResult<'invitations.create'>;

let f: Fixture;
let smtp: SmtpCatcher;
beforeAll(async () => {
  // A real SMTP server on a local port; the Fellesplan server sends through it (SMTP_URL).
  smtp = await startSmtpCatcher();
  f = await startFixture({ config: { smtpUrl: smtp.url, mailFrom: 'Fellesplan <fellesplan@innlandet.no>' } });
});
afterAll(async () => {
  await f.destroy();
  await smtp.close();
});

async function invite(p: FixturePartnership, body: Record<string, unknown> = {}) {
  return command(f.url, p.token('admin'), 'invitations.create', {
    partyId: p.party('kommune'),
    email: `ny.${Math.random().toString(36).slice(2)}@kommune.no`,
    name: 'Nora Ny',
    ...body,
  });
}

const tokenOf = (url: string) => new URL(url).pathname.split('/invite/')[1] ?? '';

describe('invitations.create', () => {
  it('[ADM3] the link is in the answer and the e-mail (bokmål), never in the database or the admin log', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const email = `nora.${Date.now()}@gjovik.kommune.no`;
    const res = await invite(p, { email: email.toUpperCase(), name: 'Nora Nilsen' });
    expect(res.status).toBe(200);
    const result = res.body as unknown as Invitation;
    expect(result.emailed).toBe(true);
    expect(result.url).toMatch(new RegExp(`^${f.url}/invite/[A-Za-z0-9_-]{43}$`));
    const days = (Date.parse(result.expiresAt) - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await waitFor(() => smtp.mails.find((m) => m.to.includes(email)));
    expect(mail.from).toBe('fellesplan@innlandet.no');
    expect(mail.headers.get('subject')).toMatch(/^Invitasjon til Fellesplan – Helsefellesskap \w+$/);
    expect(mail.text).toContain(result.url);
    expect(mail.text).toContain('Hei Nora Nilsen,');
    expect(mail.text).toMatch(
      /^Siv Admin har invitert deg til Fellesplan for Helsefellesskap \w+, for Kommune \w+\.$/m,
    );
    expect(mail.text).toMatch(/Lenken kan brukes én gang og gjelder til \d+\. \p{L}+ \d{4}\./u);

    const token = tokenOf(result.url);
    const row = await f.db.selectFrom('invitations').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email, role: 'member', token_hash: hashToken(token), invited_by: p.user('admin').id });
    const stored = JSON.stringify([row, await f.db.selectFrom('admin_events').selectAll().execute()]);
    expect(stored).not.toContain(token);

    const view = await api<PartnershipView>(f.url, '/api/partnership', { token: p.token('admin') });
    expect(view.body.invitations[0]).toMatchObject({ id: result.id, email, name: 'Nora Nilsen', status: 'pending' });
  });

  it('[ADM3] a mail server that refuses loses nothing: emailed:false, and the link works', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const res = await invite(p, { email: `refuse.${Date.now()}@kommune.no` });
    expect(res.status).toBe(200);
    const result = res.body as unknown as Invitation;
    expect(result.emailed).toBe(false);
    const preview = await api<InvitationPreview>(f.url, `/api/invitations/${tokenOf(result.url)}`);
    expect(preview.status).toBe(200);
  });

  it('[ADM3] refusals: an address that has an account (409), an administrator outside a sekretariat (409), unknown party (404)', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const taken = await invite(p, { email: p.user('hf').email.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.code).toBe('email_taken');
    const adminInKommune = await invite(p, { role: 'admin' });
    expect(adminInKommune.status).toBe(409);
    expect(adminInKommune.body.error?.code).toBe('admin_requires_sekretariat');
    const adminInSekretariat = await invite(p, { role: 'admin', partyId: p.party('sekretariat') });
    expect(adminInSekretariat.status).toBe(200);
    const unknown = await invite(p, { partyId: 'finnes-ikke' });
    expect(unknown.status).toBe(404);
    const badEmail = await invite(p, { email: 'ikke-en-adresse' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error?.field).toBe('email');
  });

  it('[ADM3] a new invitation to the same address replaces the pending one', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const email = `to.ganger.${Date.now()}@kommune.no`;
    const first = (await invite(p, { email })).body as unknown as Invitation;
    const second = (await invite(p, { email })).body as unknown as Invitation;
    const old = await api(f.url, `/api/invitations/${tokenOf(first.url)}`);
    expect(old.status).toBe(409);
    expect(old.body).toMatchObject({ error: { code: 'invitation_used' } });
    expect((await api(f.url, `/api/invitations/${tokenOf(second.url)}`)).status).toBe(200);
  });
});

describe('accepting an invitation', () => {
  it('[ADM3] the invited person sees the offer, sets a password, is signed in, and is a member of the party', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const email = `hanna.${Date.now()}@kommune.no`;
    const result = (await invite(p, { email, name: 'Hanna Hansen' })).body as unknown as Invitation;
    const token = tokenOf(result.url);

    const preview = await api<InvitationPreview>(f.url, `/api/invitations/${token}`);
    expect(preview.body).toEqual({
      name: 'Hanna Hansen',
      email,
      partyName: expect.stringMatching(/^Kommune /) as unknown,
      partnershipName: expect.stringMatching(/^Helsefellesskap /) as unknown,
      role: 'member',
      expiresAt: result.expiresAt,
      passwords: true,
      oidc: null,
    });

    const accepted = await api<SessionView>(f.url, `/api/invitations/${token}/accept`, {
      body: { name: 'Hanna H. Hansen', password: 'mitt-eget-passord' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('set-cookie')).toMatch(/^fp_session=/);
    expect(accepted.body.user).toMatchObject({
      name: 'Hanna H. Hansen',
      email,
      partyId: p.party('kommune'),
      role: 'member',
      helsefellesskap: { id: p.id },
    });
    const plans = await api<PlanSummaryView[]>(f.url, '/api/plans', { token: accepted.body.token });
    expect(plans.body.map((plan) => plan.id)).toEqual([p.plan.id]);
    const login = await api(f.url, '/api/session', { body: { email, password: 'mitt-eget-passord' } });
    expect(login.status).toBe(200);

    const view = await api<PartnershipView>(f.url, '/api/partnership', { token: p.token('admin') });
    expect(view.body.invitations.find((i) => i.id === result.id)?.status).toBe('accepted');
    expect(view.body.users.find((u) => u.email === email)).toMatchObject({ password: true, oidc: false, active: true });
    const events = await f.db
      .selectFrom('admin_events')
      .select('type')
      .where('helsefellesskap_id', '=', p.id)
      .execute();
    expect(events.map((e) => e.type)).toContain('invitation.accepted');

    // Single use.
    const again = await api(f.url, `/api/invitations/${token}/accept`, {
      body: { name: 'Noen Andre', password: 'et-annet-passord' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'invitation_used' } });
  });

  it('[ADM3] two accepts at once: exactly one person is created', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const email = `samtidig.${Date.now()}@kommune.no`;
    const token = tokenOf(((await invite(p, { email })).body as unknown as Invitation).url);
    const replies = await Promise.all(
      ['Første', 'Andre'].map((name) =>
        api(f.url, `/api/invitations/${token}/accept`, { body: { name, password: 'et-langt-passord' } }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await f.db.selectFrom('users').select('id').where('email', '=', email).execute()).toHaveLength(1);
  });

  it('[ADM3] revoked, expired and unknown links are refused before any account is made', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const revoked = (await invite(p)).body as unknown as Invitation;
    const res = await command(f.url, p.token('admin'), 'invitations.revoke', { invitationId: revoked.id });
    expect(res.status).toBe(200);
    const revokedAgain = await command(f.url, p.token('admin'), 'invitations.revoke', { invitationId: revoked.id });
    expect(revokedAgain.body.error?.code).toBe('already_inactive');

    const expired = (await invite(p)).body as unknown as Invitation;
    await f.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.id)
      .execute();

    const body = { name: 'Sen Person', password: 'et-langt-passord' };
    for (const [url, status, code] of [
      [revoked.url, 409, 'invitation_used'],
      [expired.url, 409, 'invitation_expired'],
      [`${f.url}/invite/ukjent-token`, 404, 'invitation_invalid'],
    ] as const) {
      const preview = await api(f.url, `/api/invitations/${tokenOf(url)}`);
      expect(preview.status).toBe(status);
      expect(preview.body).toMatchObject({ error: { code } });
      const accept = await api(f.url, `/api/invitations/${tokenOf(url)}/accept`, { body });
      expect(accept.status).toBe(status);
      expect(accept.body).toMatchObject({ error: { code } });
    }
    const view = await api<PartnershipView>(f.url, '/api/partnership', { token: p.token('admin') });
    expect(view.body.invitations.map((i) => i.status).sort()).toEqual(['expired', 'revoked']);
    expect(view.body.users).toHaveLength(4);

    // An accepted invitation cannot be revoked.
    const used = (await invite(p)).body as unknown as Invitation;
    await api(f.url, `/api/invitations/${tokenOf(used.url)}/accept`, { body });
    const late = await command(f.url, p.token('admin'), 'invitations.revoke', { invitationId: used.id });
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('invitation_used');
  });

  it('[ADM3] an invitation for an administrator makes an administrator of the sekretariat', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const invitation = (await invite(p, { role: 'admin', partyId: p.party('sekretariat') }))
      .body as unknown as Invitation;
    const accepted = await api<SessionView>(f.url, `/api/invitations/${tokenOf(invitation.url)}/accept`, {
      body: { name: 'Ada Administrator', password: 'et-langt-passord' },
    });
    expect(accepted.body.user.role).toBe('admin');
    expect((await api(f.url, '/api/partnership', { token: accepted.body.token })).status).toBe(200);
  });
});
