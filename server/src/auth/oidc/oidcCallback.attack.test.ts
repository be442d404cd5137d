import { beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../../testing/cookieJar.js';
import { useOidcFixture } from '../../testing/oidcFixture.js';
import { beginOidcLogin, finishOidcLogin, oidcLogin } from '../../testing/oidcLogin.js';

/**
 * Forged, replayed and stolen callbacks against a real local provider. The person logging in
 * is a known one (the demo fastlege, linked to the provider), so every refusal here is the
 * callback's own and not an unknown user.
 */
const oidc = useOidcFixture();
const SUB = 'fastlege-sub';

beforeAll(async () => {
  const { fixture, provider } = oidc;
  const fastlege = fixture.user('fastlege');
  provider.addAccount(SUB, { name: fastlege.name, email: fastlege.email, email_verified: true });
  await fixture.db
    .updateTable('users')
    .set({ oidc_issuer: provider.issuer, oidc_subject: SUB })
    .where('id', '=', fastlege.id)
    .execute();
});

function sessionCount(): Promise<number> {
  return oidc.fixture.db
    .selectFrom('sessions')
    .select('token_hash')
    .where('user_id', '=', oidc.fixture.user('fastlege').id)
    .execute()
    .then((rows) => rows.length);
}

/** A callback URL with some of its parameters replaced. */
function withParams(callback: URL, params: Record<string, string>): URL {
  const url = new URL(callback);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

describe('OpenID Connect callback attacks', () => {
  it('[OI1] a wrong state is refused and signs nobody in; the real callback still works afterwards', async () => {
    const { fixture, provider } = oidc;
    const begun = await beginOidcLogin(fixture.url);
    const callback = await provider.authorize(begun.location ?? '', SUB);
    const before = await sessionCount();

    for (const state of ['wrong-state', '', 'x'.repeat(300)]) {
      const forged = await finishOidcLogin(withParams(callback, { state }), begun.jar);
      expect(forged.status, state).toBe(401);
      expect(forged.body).toMatchObject({ error: { code: 'oidc_failed' } });
      expect(forged.session).toBeNull();
    }
    const browser = await finishOidcLogin(withParams(callback, { state: 'wrong-state' }), begun.jar, {
      accept: 'text/html',
    });
    expect(browser.status).toBe(303);
    expect(browser.location).toBe('/login?error=oidc_failed');
    expect(await sessionCount()).toBe(before);

    const real = await finishOidcLogin(callback, begun.jar);
    expect(real.status).toBe(303);
    expect(real.session).toBeTruthy();
  });

  it('[OI1] a replayed callback is refused, even with the login cookie, and there is no second session', async () => {
    const { fixture, provider } = oidc;
    const begun = await beginOidcLogin(fixture.url);
    const binding = begun.jar.get('fp_oidc') ?? '';
    const callback = await provider.authorize(begun.location ?? '', SUB);
    const before = await sessionCount();

    const first = await finishOidcLogin(callback, begun.jar);
    expect(first.status).toBe(303);
    expect(await sessionCount()).toBe(before + 1);
    // Used once, gone: the replay is refused here, before the provider would refuse the code.
    const state = callback.searchParams.get('state') ?? '';
    expect(await fixture.db.selectFrom('oidc_logins').select('state').where('state', '=', state).execute()).toEqual([]);

    // Whoever replays it has everything the browser had.
    const replay = await finishOidcLogin(callback, new CookieJar().set('fp_oidc', binding));
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: { code: 'oidc_failed' } });
    expect(replay.session).toBeNull();
    expect(await sessionCount()).toBe(before + 1);
  });

  it('[OI2] a used code replayed under a fresh login is refused by the provider, and gives no session', async () => {
    const { fixture, provider } = oidc;
    const used = await oidcLogin(fixture.url, provider, SUB);
    expect(used.status).toBe(303);
    const before = await sessionCount();

    const fresh = await beginOidcLogin(fixture.url);
    const state = new URL(fresh.location ?? '').searchParams.get('state') ?? '';
    const replay = await finishOidcLogin(withParams(used.callback, { state }), fresh.jar);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: { code: 'oidc_failed' } });
    expect(replay.session).toBeNull();
    expect(await sessionCount()).toBe(before);
  });

  it('[OI2] a stolen code is worthless without its login: another login cannot redeem it (PKCE verifier and nonce differ)', async () => {
    const { fixture, provider } = oidc;
    const victim = await beginOidcLogin(fixture.url);
    const stolen = await provider.authorize(victim.location ?? '', SUB);
    const before = await sessionCount();

    const thief = await beginOidcLogin(fixture.url);
    const state = new URL(thief.location ?? '').searchParams.get('state') ?? '';
    const attempt = await finishOidcLogin(withParams(stolen, { state }), thief.jar);
    expect(attempt.status).toBe(401);
    expect(attempt.body).toMatchObject({ error: { code: 'oidc_failed' } });
    expect(attempt.session).toBeNull();
    expect(await sessionCount()).toBe(before);
  });

  it('[OI1] a callback opened in another browser than the one that started the login is refused (login CSRF)', async () => {
    const { fixture, provider } = oidc;
    // The attacker starts a login and signs in at the provider, then hands the callback link on.
    const attacker = await beginOidcLogin(fixture.url);
    const callback = await provider.authorize(attacker.location ?? '', SUB);
    const before = await sessionCount();

    const victim = await finishOidcLogin(callback, new CookieJar());
    expect(victim.status).toBe(401);
    expect(victim.body).toMatchObject({ error: { code: 'oidc_failed' } });
    expect(victim.session).toBeNull();
    expect(await sessionCount()).toBe(before);
    // The state is spent either way.
    expect((await finishOidcLogin(callback, attacker.jar)).status).toBe(401);
  });

  it('[OI1] a login that took longer than ten minutes is refused', async () => {
    const { fixture, provider } = oidc;
    const begun = await beginOidcLogin(fixture.url);
    const state = new URL(begun.location ?? '').searchParams.get('state') ?? '';
    const callback = await provider.authorize(begun.location ?? '', SUB);
    await fixture.db
      .updateTable('oidc_logins')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('state', '=', state)
      .execute();

    const late = await finishOidcLogin(callback, begun.jar);
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ error: { code: 'oidc_failed' } });
    expect(late.session).toBeNull();
  });

  it('[OI1] an error answer from the provider (the person said no) is refused and spends the login', async () => {
    const { fixture } = oidc;
    const begun = await beginOidcLogin(fixture.url);
    const authorization = new URL(begun.location ?? '');
    const state = authorization.searchParams.get('state') ?? '';
    const denied = new URL(`${fixture.url}/api/auth/oidc/callback`);
    denied.search = new URLSearchParams({ error: 'access_denied', state, iss: oidc.provider.issuer }).toString();

    const answer = await finishOidcLogin(denied, begun.jar);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'oidc_failed' } });
    const row = await fixture.db
      .selectFrom('oidc_logins')
      .select('state')
      .where('state', '=', state)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
