import { sectionDocumentName } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectProvider, waitFor, api, useFixture } from '../testing/index.js';

const f = useFixture();

// Owned by kommune and HF.
const kommuneSection = () => f.section('Kunnskapsgrunnlag og utfordringsbilde').documentName;

describe('collaboration authentication (DESIGN 6.3)', () => {
  it('refuses a connection without a token', async () => {
    const client = connectProvider(f.url, null, kommuneSection());
    await expect(client.ready).rejects.toThrow();
    client.destroy();
  });

  it('refuses a connection with an unknown or logged-out token', async () => {
    const unknown = connectProvider(f.url, 'not-a-session', kommuneSection());
    await expect(unknown.ready).rejects.toThrow('unauthenticated');
    unknown.destroy();

    const token = await f.server.login('hf@demo.no');
    await api(f.url, '/api/session', { token, method: 'DELETE' });
    const loggedOut = connectProvider(f.url, token, kommuneSection());
    await expect(loggedOut.ready).rejects.toThrow('unauthenticated');
    loggedOut.destroy();
  });

  it('[M1] refuses a member of another plan, for section and plan documents alike', async () => {
    const section = connectProvider(f.url, f.other.token('kommune'), kommuneSection());
    await expect(section.ready).rejects.toThrow('forbidden');
    const plan = connectProvider(f.url, f.other.token('kommune'), f.demo.plan.documentName);
    await expect(plan.ready).rejects.toThrow('forbidden');
    section.destroy();
    plan.destroy();
  });

  it.each(['section:', 'section:../../etc', 'plan:x:y', 'anything', `section:${'a'.repeat(500)}`])(
    '[D1] refuses malformed document name %j without harm',
    async (name) => {
      const client = connectProvider(f.url, f.token('kommune'), name);
      await expect(client.ready).rejects.toThrow('invalid-document');
      client.destroy();
    },
  );

  it('refuses a well-formed but unknown document', async () => {
    const client = connectProvider(f.url, f.token('kommune'), sectionDocumentName('does-not-exist'));
    await expect(client.ready).rejects.toThrow('not-found');
    client.destroy();
  });

  it('[O1] grants read-write to an owner and read-only to other members', async () => {
    const owner = connectProvider(f.url, f.token('kommune'), kommuneSection());
    const reader = connectProvider(f.url, f.token('bruker'), kommuneSection());
    expect(await owner.ready).toBe('read-write');
    expect(await reader.ready).toBe('read-only');
    owner.destroy();
    reader.destroy();
  });

  it('[O2] gives every member, owner or not, a read-only plan projection', async () => {
    const client = connectProvider(f.url, f.token('sekretariat'), f.demo.plan.documentName);
    expect(await client.ready).toBe('read-only');
    await client.synced();
    const projection = client.doc.getMap('projection');
    await waitFor(() => projection.get('plan'));
    expect(projection.get('plan')).toMatchObject({ id: f.demo.plan.id, title: 'Felles utviklingsplan 2027–2030' });
    expect((projection.get('sections') as unknown[]).length).toBe(14);
    client.destroy();
  });

  it('[S1] accepts the session cookie on the upgrade request from our own origin only', async () => {
    const open = (origin: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`${f.url.replace('http', 'ws')}/collab`, {
          headers: { cookie: `fp_session=${f.token('kommune')}`, origin },
        });
        ws.on('open', () => resolve(ws));
        ws.on('error', reject);
      });
    // The provider sends the placeholder token "cookie"; the server then reads the cookie.
    const { HocuspocusProvider, HocuspocusProviderWebsocket } = await import('@hocuspocus/provider');
    const scopes: string[] = [];
    for (const origin of [f.url, 'http://evil.example']) {
      const websocketProvider = new HocuspocusProviderWebsocket({
        url: `${f.url.replace('http', 'ws')}/collab`,
        WebSocketPolyfill: class extends WebSocket {
          constructor(url: string) {
            super(url, { headers: { cookie: `fp_session=${f.token('kommune')}`, origin } });
          }
        },
        maxAttempts: 1,
      });
      const provider = new HocuspocusProvider({
        name: kommuneSection(),
        token: 'cookie',
        websocketProvider,
        onAuthenticated: ({ scope }) => scopes.push(`${origin} ${scope}`),
        onAuthenticationFailed: ({ reason }) => scopes.push(`${origin} ${reason}`),
      });
      provider.attach();
      await waitFor(() => scopes.length === (origin === f.url ? 1 : 2));
      provider.destroy();
      websocketProvider.destroy();
    }
    expect(scopes).toEqual([`${f.url} read-write`, 'http://evil.example unauthenticated']);
    // A bare socket with garbage bytes does not take the server down.
    const ws = await open(f.url);
    ws.send(Buffer.from([0xff, 0x00, 0x13, 0x37]));
    ws.send('not binary at all');
    await waitFor(async () => (await api(f.url, '/api/health')).status === 200);
    ws.close();
  });
});
