import { describe, expect, it } from 'vitest';
import { api, useFixture } from '../testing/index.js';

const f = useFixture();

type Session = { token: string; user: { id: string; name: string; email: string; partyId: string } };

describe('POST /api/session', () => {
  it('logs in with the demo password, sets an httpOnly cookie and returns token and user', async () => {
    const res = await api<Session>(f.url, '/api/session', {
      body: { email: 'Kommune@Demo.no', password: 'demo' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      name: 'Kari Nordmann',
      email: 'kommune@demo.no',
      partyId: f.party('kommune'),
    });
    // An explicit list: nothing else of the person (password hash, OpenID subject) leaks.
    expect(Object.keys(res.body.user).sort()).toEqual([
      'email',
      'helsefellesskap',
      'id',
      'language',
      'name',
      'partyId',
      'role',
    ]);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^fp_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('[S1] marks the cookie Secure when the user came over HTTPS through the proxy', async () => {
    const res = await api(f.url, '/api/session', {
      body: { email: 'kommune@demo.no', password: 'demo' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/i);
    const plain = await api(f.url, '/api/session', { body: { email: 'kommune@demo.no', password: 'demo' } });
    expect(plain.headers.get('set-cookie')).not.toMatch(/; Secure/i);
  });

  it('authenticates later requests by Bearer token and by cookie alike', async () => {
    const { body } = await api<Session>(f.url, '/api/session', {
      body: { email: 'hf@demo.no', password: 'demo' },
    });
    const bearer = await api<unknown[]>(f.url, '/api/plans', { token: body.token });
    const cookie = await api<unknown[]>(f.url, '/api/plans', { headers: { cookie: `fp_session=${body.token}` } });
    expect(bearer.status).toBe(200);
    expect(cookie.body).toEqual(bearer.body);
  });

  it('[S1] stores only a hash of the token', async () => {
    const { body } = await api<Session>(f.url, '/api/session', {
      body: { email: 'bruker@demo.no', password: 'demo' },
    });
    const rows = await f.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === body.token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('refuses a wrong password or unknown user with 401 and a Norwegian message', async () => {
    for (const body of [
      { email: 'kommune@demo.no', password: 'feil' },
      { email: 'ingen@demo.no', password: 'demo' },
    ]) {
      const res = await api<{ error: { code: string; message: string } }>(f.url, '/api/session', { body });
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'invalid_credentials', message: 'Feil e-postadresse eller passord.' });
    }
  });

  it('[I1] answers bad input with 400 naming the field, in nynorsk when asked', async () => {
    const missing = await api<{ error: { code: string; field: string } }>(f.url, '/api/session', {
      body: { email: 'kommune@demo.no' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'invalid_input', field: 'password' });
    // An empty login form: the field is asked for by its Norwegian name, in either written form.
    for (const [language, message] of [
      ['nb', 'Fyll inn e-postadresse.'],
      ['nn', 'Fyll inn e-postadresse.'],
    ] as const) {
      const empty = await api<{ error: { code: string; field: string; message: string } }>(f.url, '/api/session', {
        body: { email: '', password: '' },
        headers: { 'accept-language': language },
      });
      expect(empty.status).toBe(400);
      expect(empty.body.error).toEqual({ code: 'invalid_input', field: 'email', message });
    }
    const badEmail = await api<{ error: { message: string } }>(f.url, '/api/session', {
      body: { email: 'kari', password: 'x' },
    });
    expect(badEmail.body.error.message).toBe('Ugyldig verdi i feltet «e-postadresse».');
    const noPassword = await api<{ error: { message: string } }>(f.url, '/api/session', {
      body: { email: 'kari@demo.no' },
      headers: { 'accept-language': 'nn' },
    });
    expect(noPassword.body.error.message).toBe('Fyll inn passord.');
    const broken = await api<{ error: { code: string; message: string } }>(f.url, '/api/session', {
      body: '{"email":',
      headers: { 'accept-language': 'nn' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toEqual({ code: 'invalid_json', message: 'Førespurnaden er ikkje gyldig JSON.' });
    const health = await api(f.url, '/api/health');
    expect(health.body).toMatchObject({ ok: true, status: 'ok' });
  });

  // 31 password checks in a row: a few seconds alone, far more on a loaded machine.
  it('[S2] slows down password guessing: 429 with a Norwegian message after too many attempts', async () => {
    const guess = () =>
      api<{ error: { code: string; message: string } }>(f.url, '/api/session', {
        body: { email: 'sekretariat@demo.no', password: 'gjett' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await guess()).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    const blocked = await guess();
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toEqual({
      code: 'too_many_attempts',
      message: 'For mange innloggingsforsøk. Vent et minutt og prøv igjen.',
    });
    // Other people are not locked out by someone guessing at one account.
    expect((await api(f.url, '/api/session', { body: { email: 'hf@demo.no', password: 'demo' } })).status).toBe(200);
  }, 60_000);

  it('DELETE /api/session ends the session for API and cookie', async () => {
    const { body } = await api<Session>(f.url, '/api/session', {
      body: { email: 'fastlege@demo.no', password: 'demo' },
    });
    expect((await api(f.url, '/api/session', { token: body.token, method: 'DELETE' })).status).toBe(200);
    expect((await api(f.url, '/api/plans', { token: body.token })).status).toBe(401);
  });
});
