import type {
  AuthMethodsView,
  CommandResult,
  InvitationPreview,
  ProfileView,
  SessionView,
  UserView,
} from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import type { CollabContext } from '../collaboration/context.js';
import {
  adminPartnershipSpec,
  ADMIN_TEST_PASSWORD,
  api,
  command,
  connectProvider,
  startEmptyServer,
  useFixture,
  waitFor,
} from '../testing/index.js';

const f = useFixture();

function connectionsOf(userId: string) {
  return [...f.server.collaboration.hocuspocus.documents.values()]
    .flatMap((document) => document.getConnections())
    .filter((connection) => (connection.context as Partial<CollabContext>).actor?.userId === userId);
}

describe('the session and the profile', () => {
  it('[ADM6] login answers with role, language and helsefellesskap; GET /api/session and /api/profile agree', async () => {
    const login = await api<SessionView>(f.url, '/api/session', {
      body: { email: 'sekretariat@demo.no', password: 'demo' },
    });
    expect(login.status).toBe(200);
    const user = login.body.user;
    expect(user).toEqual({
      id: f.user('sekretariat').id,
      name: 'Siri Larsen',
      email: 'sekretariat@demo.no',
      partyId: f.party('sekretariat'),
      role: 'admin',
      language: null,
      helsefellesskap: { id: f.demo.id, name: 'Demo helsefellesskap' },
    });
    const session = await api<{ user: UserView }>(f.url, '/api/session', { token: login.body.token });
    expect(session.body.user).toEqual(user);
    const profile = await api<ProfileView>(f.url, '/api/profile', { token: login.body.token });
    expect(profile.body).toEqual({
      ...user,
      party: { id: f.party('sekretariat'), name: 'Sekretariatet', kind: 'sekretariat' },
    });
    expect((await api(f.url, '/api/profile')).status).toBe(401);
  });

  it('[ADM6] a person changes their name and language; the name change is on the record and reaches plans', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const token = p.token('kommune');
    const res = await api<ProfileView>(f.url, '/api/profile', {
      token,
      method: 'PATCH',
      body: { name: 'Kari Nynorsk', language: 'nn' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Kari Nynorsk', language: 'nn', role: 'member' });
    expect((await api<{ user: UserView }>(f.url, '/api/session', { token })).body.user.language).toBe('nn');
    expect((await p.plan.view('admin')).members.find((m) => m.id === p.user('kommune').id)?.name).toBe('Kari Nynorsk');
    const events = await f.db.selectFrom('admin_events').selectAll().where('helsefellesskap_id', '=', p.id).execute();
    expect(events.map((e) => [e.type, e.actor_user_id])).toEqual([['user.updated', p.user('kommune').id]]);

    const back = await api<ProfileView>(f.url, '/api/profile', { token, method: 'PATCH', body: { language: null } });
    expect(back.body.language).toBeNull();
    for (const [body, code] of [
      [{ language: 'en' }, 'invalid_input'],
      [{ name: ' ' }, 'name_required'],
      [{ role: 'admin' }, 'invalid_input'],
    ] as const) {
      const bad = await api(f.url, '/api/profile', { token, method: 'PATCH', body });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code } });
    }
    expect((await api<ProfileView>(f.url, '/api/profile', { token })).body.role).toBe('member');
  });

  it('[ADM6] signing out everywhere ends every session of the person and closes all their sockets at once', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const kari = p.user('kommune');
    const phone = (
      await api<SessionView>(f.url, '/api/session', { body: { email: kari.email, password: ADMIN_TEST_PASSWORD } })
    ).body.token;
    const onLaptop = connectProvider(f.url, kari.token, p.section('Kommunens del').documentName);
    const onPhone = connectProvider(f.url, phone, p.plan.documentName);
    const colleague = connectProvider(f.url, p.token('hf'), p.section('Felles del').documentName);
    await Promise.all([onLaptop.synced(), onPhone.synced(), colleague.synced()]);
    expect(connectionsOf(kari.id)).toHaveLength(2);

    const res = await api<{ ok: true; sessionsEnded: number }>(f.url, '/api/sessions', {
      token: phone,
      method: 'DELETE',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, sessionsEnded: 2 });
    expect(res.headers.get('set-cookie')).toMatch(/^fp_session=;/);
    expect(connectionsOf(kari.id)).toHaveLength(0);
    await waitFor(() => !onLaptop.provider.isAuthenticated && !onPhone.provider.isAuthenticated);
    for (const token of [kari.token, phone]) expect((await api(f.url, '/api/profile', { token })).status).toBe(401);
    // Only hers.
    expect(colleague.provider.isAuthenticated).toBe(true);
    expect((await api(f.url, '/api/profile', { token: p.token('hf') })).status).toBe(200);
    for (const provider of [onLaptop, onPhone, colleague]) provider.destroy();
  });

  it('[S4] an account without a password (OpenID Connect only) cannot log in with any password', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const hf = p.user('hf');
    await f.db.updateTable('users').set({ password_hash: '' }).where('id', '=', hf.id).execute();
    for (const password of ['', ADMIN_TEST_PASSWORD, 'x']) {
      const res = await api(f.url, '/api/session', { body: { email: hf.email, password } });
      expect(res.status).toBe(password === '' ? 400 : 401);
    }
  });
});

describe('LOCAL_PASSWORDS=0 and PUBLIC_URL', () => {
  it('[ADM7] password login is off (403), setup still takes one, invitations cannot set one; links use PUBLIC_URL', async () => {
    const server = await startEmptyServer({ localPasswords: false, publicUrl: 'https://plan.example.no' });
    try {
      const methods = await api<AuthMethodsView>(server.url, '/api/auth/methods');
      expect(methods.body).toEqual({ passwords: false, oidc: null, needsSetup: true });
      const setup = await api<SessionView>(server.url, '/api/setup', {
        body: {
          token: server.setupToken,
          partnershipName: 'Helsefellesskap Innlandet',
          admin: { name: 'Siri', email: 'siri@innlandet.no', password: ADMIN_TEST_PASSWORD },
        },
      });
      expect(setup.status).toBe(200);
      const login = await api(server.url, '/api/session', {
        body: { email: 'siri@innlandet.no', password: ADMIN_TEST_PASSWORD },
      });
      expect(login.status).toBe(403);
      expect(login.body).toMatchObject({ error: { code: 'passwords_disabled' } });

      const created = await command(server.url, setup.body.token, 'invitations.create', {
        partyId: setup.body.user.partyId,
        email: 'ny@innlandet.no',
        name: 'Ny Person',
      });
      const { url } = created.body as unknown as CommandResult<'invitations.create'>;
      expect(url).toMatch(/^https:\/\/plan\.example\.no\/invite\/[A-Za-z0-9_-]{43}$/);
      const token = url.split('/invite/')[1] ?? '';
      const preview = await api<InvitationPreview>(server.url, `/api/invitations/${token}`);
      expect(preview.body.passwords).toBe(false);
      const accept = await api(server.url, `/api/invitations/${token}/accept`, {
        body: { name: 'Ny Person', password: ADMIN_TEST_PASSWORD },
      });
      expect(accept.status).toBe(403);
      expect(accept.body).toMatchObject({ error: { code: 'passwords_disabled' } });
      expect((await api(server.url, `/api/invitations/${token}`)).status).toBe(200);
    } finally {
      await server.destroy();
    }
  });
});
