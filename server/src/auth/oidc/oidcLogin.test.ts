import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Fixture } from '../../testing/fixture.js';
import { useOidcFixture } from '../../testing/oidcFixture.js';
import { beginOidcLogin, finishOidcLogin, oidcLogin } from '../../testing/oidcLogin.js';
import { newInvitationToken } from '../invitations.js';

/**
 * OpenID Connect login against a real local provider (`oidc-provider`): the browser is driven by
 * hand with `fetch`, redirects and cookies included. Each test uses accounts of its own.
 */
const oidc = useOidcFixture({ orgClaim: 'reportees.ID' });

const HF_ORG_NUMBER = '983971636';

async function invite(fixture: Fixture, invitation: { partyKey: string; email: string; name: string }) {
  const { token, tokenHash } = newInvitationToken();
  const now = Date.now();
  await fixture.db
    .insertInto('invitations')
    .values({
      id: randomUUID(),
      token_hash: tokenHash,
      helsefellesskap_id: fixture.demo.id,
      party_id: fixture.party(invitation.partyKey),
      email: invitation.email,
      name: invitation.name,
      role: 'member',
      invited_by: fixture.user('sekretariat').id,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + 7 * 24 * 3600_000).toISOString(),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

/** `GET /api/session` as the browser asks it: with the session cookie, not a bearer token. */
async function sessionOf(fixture: Fixture, cookie: string) {
  const response = await fetch(`${fixture.url}/api/session`, { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as { user?: { id: string; partyId: string } } };
}

function oidcUser(fixture: Fixture, sub: string) {
  return fixture.db
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', oidc.provider.issuer)
    .where('oidc_subject', '=', sub)
    .executeTakeFirst();
}

describe('OpenID Connect login', () => {
  it('is offered on the login page and on an invitation, and the password login stays available', async () => {
    const { fixture } = oidc;
    const methods = (await (await fetch(`${fixture.url}/api/auth/methods`)).json()) as {
      passwords: boolean;
      oidc: { label: string } | null;
    };
    expect(methods.passwords).toBe(true);
    expect(methods.oidc?.label).toEqual(expect.any(String));
    const token = await invite(fixture, { partyKey: 'kommune', email: 'metoder@kommune.no', name: 'Metode' });
    const preview = (await (await fetch(`${fixture.url}/api/invitations/${token}`)).json()) as {
      oidc: { label: string } | null;
    };
    expect(preview.oidc).toEqual(methods.oidc);
  });

  it('[OI3] an invited person signs in through the provider, is linked, and their session works on GET /api/session', async () => {
    const { fixture, provider } = oidc;
    provider.addAccount('kari-sub', { name: 'Kari Nordmann', email: 'kari.privat@example.no', email_verified: true });
    const token = await invite(fixture, { partyKey: 'kommune', email: 'kari@kommune.no', name: 'Kari (invitert)' });

    const login = await oidcLogin(fixture.url, provider, 'kari-sub', { invitation: token, returnTo: '/plans/abc?x=1' });
    expect(login.status).toBe(303);
    expect(login.location).toBe('/plans/abc?x=1');
    expect(login.session).toBeTruthy();

    const session = await sessionOf(fixture, login.jar.header());
    expect(session.status).toBe(200);
    // The name the provider states; the e-mail the sekretariat invited; the invited party.
    expect(session.body.user).toMatchObject({ name: 'Kari Nordmann', email: 'kari@kommune.no' });
    expect(session.body.user?.partyId).toBe(fixture.party('kommune'));

    const user = await oidcUser(fixture, 'kari-sub');
    expect(user).toMatchObject({ id: session.body.user?.id, password_hash: '', role: 'member' });
    const invitation = await fixture.db
      .selectFrom('invitations')
      .select(['accepted_by', 'accepted_at'])
      .where('email', '=', 'kari@kommune.no')
      .executeTakeFirstOrThrow();
    expect(invitation.accepted_by).toBe(user?.id);
    const accepted = await fixture.db
      .selectFrom('admin_events')
      .select('payload')
      .where('type', '=', 'invitation.accepted')
      .where('actor_user_id', '=', user?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(accepted.payload)).toMatchObject({ via: 'oidc' });
  });

  it('[OI3] a returning person is found by their subject, without an invitation, and keeps one account', async () => {
    const { fixture, provider } = oidc;
    provider.addAccount('ola-sub', { name: 'Ola Nordmann', email: 'ola@hf.no', email_verified: true });
    const token = await invite(fixture, { partyKey: 'helseforetak', email: 'ola@hf.no', name: 'Ola' });
    const first = await oidcLogin(fixture.url, provider, 'ola-sub', { invitation: token });
    expect(first.status).toBe(303);
    const firstUser = (await sessionOf(fixture, first.jar.header())).body.user;

    const again = await oidcLogin(fixture.url, provider, 'ola-sub');
    expect(again.status).toBe(303);
    expect(again.location).toBe('/');
    expect(again.session).toBeTruthy();
    expect(again.session).not.toBe(first.session);
    expect((await sessionOf(fixture, again.jar.header())).body.user?.id).toBe(firstUser?.id);
    const accounts = await fixture.db.selectFrom('users').select('id').where('email', '=', 'ola@hf.no').execute();
    expect(accounts).toHaveLength(1);
  });

  it('[OI3] an organisation number claim that names an active party makes the person a member of it, logged as user.linked', async () => {
    const { fixture, provider } = oidc;
    await fixture.db
      .updateTable('parties')
      .set({ org_number: HF_ORG_NUMBER })
      .where('id', '=', fixture.party('helseforetak'))
      .execute();
    // Shaped as Ansattporten states whom the person acts for.
    provider.addAccount('siri-sub', {
      name: 'Siri Sykehus',
      email: 'Siri@HF.example.no',
      email_verified: true,
      reportees: [{ ID: `0192:${HF_ORG_NUMBER}`, Name: 'Demo HF' }],
    });

    const login = await oidcLogin(fixture.url, provider, 'siri-sub', { returnTo: '//evil.example/' });
    expect(login.status).toBe(303);
    // [OI4] Only a path on this server is a place to return to.
    expect(login.location).toBe('/');
    const session = await sessionOf(fixture, login.jar.header());
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ name: 'Siri Sykehus', email: 'siri@hf.example.no' });
    expect(session.body.user?.partyId).toBe(fixture.party('helseforetak'));

    const user = await oidcUser(fixture, 'siri-sub');
    expect(user).toMatchObject({ role: 'member', party_id: fixture.party('helseforetak') });
    const linked = await fixture.db
      .selectFrom('admin_events')
      .selectAll()
      .where('type', '=', 'user.linked')
      .where('actor_user_id', '=', user?.id ?? '')
      .execute();
    expect(linked).toHaveLength(1);
    expect(linked[0]?.helsefellesskap_id).toBe(fixture.demo.id);
    expect(JSON.parse(linked[0]?.payload ?? '{}')).toMatchObject({
      via: 'org_claim',
      orgNumber: HF_ORG_NUMBER,
      partyId: fixture.party('helseforetak'),
    });

    // The next login finds the account; it is not created (or logged) again.
    const again = await oidcLogin(fixture.url, provider, 'siri-sub');
    expect((await sessionOf(fixture, again.jar.header())).body.user?.id).toBe(user?.id);
    const count = await fixture.db
      .selectFrom('admin_events')
      .select('id')
      .where('type', '=', 'user.linked')
      .where('actor_user_id', '=', user?.id ?? '')
      .execute();
    expect(count).toHaveLength(1);
  });

  it('[OI3] an unknown person (no invitation, no matching organisation) is refused with oidc_unknown_user and nothing is created', async () => {
    const { fixture, provider } = oidc;
    provider.addAccount('ukjent-sub', {
      name: 'Ukjent Person',
      email: 'ukjent@example.no',
      email_verified: true,
      reportees: [{ ID: '0192:923609016', Name: 'Ingen part' }],
    });
    const usersBefore = await fixture.db.selectFrom('users').select('id').execute();

    const login = await oidcLogin(fixture.url, provider, 'ukjent-sub');
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ error: { code: 'oidc_unknown_user' } });
    expect(login.session).toBeNull();

    // A browser is sent to the login page with the reason.
    const begun = await beginOidcLogin(fixture.url);
    const callback = await provider.authorize(begun.location ?? '', 'ukjent-sub');
    const html = await finishOidcLogin(callback, begun.jar, { accept: 'text/html' });
    expect(html.status).toBe(303);
    expect(html.location).toBe('/login?error=oidc_unknown_user');
    expect(html.session).toBeNull();

    expect(await oidcUser(fixture, 'ukjent-sub')).toBeUndefined();
    expect(await fixture.db.selectFrom('users').select('id').execute()).toHaveLength(usersBefore.length);
  });

  it('[OI3] an e-mail alone never links: a person whose address matches an account but who has no invitation is refused', async () => {
    const { fixture, provider } = oidc;
    const kommune = fixture.user('kommune');
    provider.addAccount('same-email-sub', { name: 'Etterligner', email: kommune.email, email_verified: true });

    const login = await oidcLogin(fixture.url, provider, 'same-email-sub');
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ error: { code: 'oidc_unknown_user' } });
    const account = await fixture.db
      .selectFrom('users')
      .select(['oidc_subject'])
      .where('id', '=', kommune.id)
      .executeTakeFirstOrThrow();
    expect(account.oidc_subject).toBeNull();
  });

  it('[OI3] a deactivated person is refused and gets no session', async () => {
    const { fixture, provider } = oidc;
    provider.addAccount('per-sub', { name: 'Per Fastlege', email: 'per@legekontor.no', email_verified: true });
    const token = await invite(fixture, { partyKey: 'fastlege', email: 'per@legekontor.no', name: 'Per' });
    expect((await oidcLogin(fixture.url, provider, 'per-sub', { invitation: token })).status).toBe(303);
    const user = await oidcUser(fixture, 'per-sub');
    await fixture.db
      .updateTable('users')
      .set({ deactivated_at: new Date().toISOString() })
      .where('id', '=', user?.id ?? '')
      .execute();
    const sessionsBefore = await fixture.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user?.id ?? '')
      .execute();

    const login = await oidcLogin(fixture.url, provider, 'per-sub');
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(login.session).toBeNull();
    const sessionsAfter = await fixture.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user?.id ?? '')
      .execute();
    expect(sessionsAfter).toHaveLength(sessionsBefore.length);
  });

  it('[OI2] the authorization request uses PKCE (S256), a state and a nonce; the verifier never leaves the server', async () => {
    const { fixture, provider } = oidc;
    const begun = await beginOidcLogin(fixture.url);
    expect(begun.status).toBe(303);
    const url = new URL(begun.location ?? '');
    expect(url.origin).toBe(provider.issuer);
    const params = url.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('scope')).toBe('openid profile email');
    expect(params.get('redirect_uri')).toBe(`${fixture.url}/api/auth/oidc/callback`);
    const state = params.get('state') ?? '';
    expect(state).toMatch(/^[\w-]{32,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{32,}$/);

    const stored = await fixture.db
      .selectFrom('oidc_logins')
      .selectAll()
      .where('state', '=', state)
      .executeTakeFirstOrThrow();
    expect(stored.nonce).toBe(params.get('nonce'));
    expect(url.href).not.toContain(stored.code_verifier);
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBe(10 * 60_000);

    // The provider received the same challenge.
    provider.addAccount('pkce-sub', { name: 'Pkce Person' });
    await provider.authorize(url.href, 'pkce-sub');
    const received = provider.authorizationRequests.find((request) => request.get('state') === state);
    expect(received?.get('code_challenge_method')).toBe('S256');
    expect(received?.get('code_challenge')).toBe(params.get('code_challenge'));
  });

  it('a login from an invitation that cannot be used is refused before the provider is asked', async () => {
    const { fixture } = oidc;
    const api = await beginOidcLogin(fixture.url, { invitation: 'not-an-invitation' });
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ error: { code: 'invitation_invalid' } });
    const browser = await beginOidcLogin(fixture.url, { invitation: 'not-an-invitation' }, { accept: 'text/html' });
    expect(browser.status).toBe(303);
    expect(browser.location).toBe('/login?error=invitation_invalid');
  });
});
