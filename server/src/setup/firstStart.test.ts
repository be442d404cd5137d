import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuthMethodsView, PartnershipView, SessionView, UserView } from '@fellesplan/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, spawnServer, startEmptyServer, type EmptyServer } from '../testing/index.js';

const setupBody = (token: string, email = 'siri@innlandet.no') => ({
  token,
  partnershipName: 'Helsefellesskap Innlandet',
  admin: { name: 'Siri Sekretær', email, password: 'et-langt-passord' },
});

describe('first start: the setup link', () => {
  // Each test on an installation of its own: they pass alone and in any order.
  let server: EmptyServer;
  beforeEach(async () => {
    server = await startEmptyServer();
  });
  afterEach(() => server.destroy());

  it('[ADM1] an empty installation needs setup; a wrong token is refused (403) and sets up nothing', async () => {
    const methods = await api<AuthMethodsView>(server.url, '/api/auth/methods');
    expect(methods.body).toEqual({ passwords: true, oidc: null, needsSetup: true });
    const wrong = await api(server.url, '/api/setup', { body: setupBody('feil-token') });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: 'setup_invalid' } });
    const short = await api(server.url, '/api/setup', {
      body: { ...setupBody(server.setupToken), admin: { name: 'Siri', email: 'siri@innlandet.no', password: 'kort' } },
    });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ error: { code: 'password_too_short', field: 'admin.password' } });
    expect((await api<AuthMethodsView>(server.url, '/api/auth/methods')).body.needsSetup).toBe(true);
  });

  it('[ADM1] two setups at once: exactly one succeeds, with a logged-in administrator; every later call gets 409', async () => {
    const replies = await Promise.all([
      api<SessionView>(server.url, '/api/setup', { body: setupBody(server.setupToken, 'en@innlandet.no') }),
      api<SessionView>(server.url, '/api/setup', { body: setupBody(server.setupToken, 'to@innlandet.no') }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = replies.find((r) => r.status === 409);
    expect(loser?.body).toMatchObject({ error: { code: 'setup_done' } });
    const winner = replies.find((r) => r.status === 200);
    if (!winner) throw new Error('no setup succeeded');
    const { token, user } = winner.body;
    expect(user).toMatchObject({
      name: 'Siri Sekretær',
      role: 'admin',
      language: null,
      helsefellesskap: { name: 'Helsefellesskap Innlandet' },
    });
    // Signed in exactly as by POST /api/session: the cookie and the bearer token both work.
    const cookie = winner.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^fp_session=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const byCookie = await api<{ user: UserView }>(server.url, '/api/session', {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(byCookie.body.user).toEqual(user);

    const partnership = await api<PartnershipView>(server.url, '/api/partnership', { token });
    expect(partnership.status).toBe(200);
    expect(partnership.body.parties).toEqual([
      {
        id: user.partyId,
        name: 'Sekretariatet',
        kind: 'sekretariat',
        orgNumber: null,
        description: null,
        active: true,
      },
    ]);
    expect(partnership.body.users).toHaveLength(1);
    expect(partnership.body.users[0]).toMatchObject({ id: user.id, role: 'admin', active: true, password: true });

    // Logged once in the helsefellesskap's own log; the installation row and no setup token remain.
    const events = await server.db.selectFrom('admin_events').selectAll().execute();
    expect(events.map((e) => e.type)).toEqual(['partnership.set_up']);
    expect(events[0]).toMatchObject({ actor_user_id: user.id, actor_party_id: user.partyId });
    expect(await server.db.selectFrom('installation').selectAll().execute()).toHaveLength(1);
    expect(await server.db.selectFrom('setup_tokens').selectAll().execute()).toEqual([]);
    expect(await server.db.selectFrom('helsefellesskap').selectAll().execute()).toHaveLength(1);

    // Once set up, 409 whatever is sent: the right token, a wrong one, or nothing valid at all.
    for (const body of [setupBody(server.setupToken, 'tre@innlandet.no'), setupBody('feil'), {}]) {
      const again = await api(server.url, '/api/setup', { body });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ error: { code: 'setup_done' } });
    }
    expect((await api<AuthMethodsView>(server.url, '/api/auth/methods')).body.needsSetup).toBe(false);

    // The administrator signs in with the password chosen at setup.
    const login = await api<SessionView>(server.url, '/api/session', {
      body: { email: user.email, password: 'et-langt-passord' },
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toEqual(user);
  });
});

describe('first start: limits and naming', () => {
  it('[ADM1] the sekretariat party takes the name given; setup attempts are limited per address like logins', async () => {
    const server = await startEmptyServer({ loginAttemptsPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await api(server.url, '/api/setup', { body: setupBody(`feil-${i}`) })).status);
      expect(statuses).toEqual([403, 403, 403]);
      const limited = await api(server.url, '/api/setup', { body: setupBody(server.setupToken) });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ error: { code: 'too_many_attempts' } });
      expect(limited.headers.get('retry-after')).toBeTruthy();
      expect((await api<AuthMethodsView>(server.url, '/api/auth/methods')).body.needsSetup).toBe(true);
    } finally {
      await server.destroy();
    }
  });

  it('[ADM1] partyName names the sekretariat', async () => {
    const server = await startEmptyServer();
    try {
      const res = await api<SessionView>(server.url, '/api/setup', {
        body: { ...setupBody(server.setupToken), partyName: 'Sekretariatet for Helsefellesskap Innlandet' },
      });
      expect(res.status).toBe(200);
      const partnership = await api<PartnershipView>(server.url, '/api/partnership', { token: res.body.token });
      expect(partnership.body.parties.map((p) => [p.name, p.kind])).toEqual([
        ['Sekretariatet for Helsefellesskap Innlandet', 'sekretariat'],
      ]);
    } finally {
      await server.destroy();
    }
  });
});

describe('first start of the real server (main.ts)', () => {
  it('[ADM1] without demo, prints the setup link on one console line, never logs the token, and not after setup', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-first-start-'));
    // SQLite in its own directory, whichever database the suite runs on: this start must be empty.
    const env = { FELLESPLAN_DEMO: '0', LOG_LEVEL: 'info', DATABASE_URL: '' };
    try {
      const server = await spawnServer(dataDir, env);
      try {
        const lines = server
          .output()
          .split('\n')
          .filter((line) => line.includes('/setup/'));
        expect(lines).toHaveLength(1);
        const match = new RegExp(`${server.url.replace(/[.]/g, '\\.')}/setup/([A-Za-z0-9_-]{43})`).exec(lines[0] ?? '');
        const token = match?.[1];
        if (!token) throw new Error(`no setup link in: ${lines[0]}`);
        expect(lines[0]).not.toMatch(/^\{/); // a console line, not a JSON log record

        // Opening the link and using it: request logs mask the token.
        await fetch(`${server.url}/setup/${token}`);
        const res = await api<SessionView>(server.url, '/api/setup', { body: setupBody(token) });
        expect(res.status).toBe(200);
        expect((await api(server.url, '/api/setup', { body: setupBody(token) })).status).toBe(409);
        expect(server.output().split(token).length - 1).toBe(1);
        expect(server.output()).toContain('/setup/[token]');
      } finally {
        await server.stop();
      }
      const restarted = await spawnServer(dataDir, env);
      await restarted.stop();
      expect(restarted.output()).not.toContain('/setup/');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
