import { describe, expect, it } from 'vitest';
import { adminPartnershipSpec, ADMIN_TEST_PASSWORD, api, command, useFixture, waitFor } from '../testing/index.js';
import { MAX_STREAMS_PER_USER } from './notificationStreams.js';

const f = useFixture();

interface OpenStream {
  received: () => string;
  ended: () => boolean;
  abort: () => void;
}

/** `GET /api/notifications/stream` as a script would hold it open, reading whatever comes. */
async function openStream(token: string): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(`${f.url}/api/notifications/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  let received = '';
  let ended = false;
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
    } catch {
      // aborted by the test
    }
    ended = true;
  })();
  await waitFor(() => received.includes('event: ready'));
  return { received: () => received, ended: () => ended, abort: () => controller.abort() };
}

const login = async (email: string) =>
  (await api<{ token: string }>(f.url, '/api/session', { body: { email, password: ADMIN_TEST_PASSWORD } })).body.token;

describe('notification streams end with the session, whoever ends it', () => {
  // Before: only logout closed streams; deactivation and «sign out everywhere» left them open
  // until the 25-second session check, announcing news to a person who may no longer sign in.
  it('users.deactivate ends the person’s open streams at once, on every session', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const email = p.user('kommune').email;
    const streams = [await openStream(p.token('kommune')), await openStream(await login(email))];
    expect((await command(f.url, p.token('admin'), 'users.deactivate', { userId: p.user('kommune').id })).status).toBe(
      200,
    );
    await waitFor(() => streams.every((s) => s.ended()), { timeout: 3_000 });
    expect(f.server.context.notificationStreams.count(p.user('kommune').id)).toBe(0);
  });

  it('parties.deactivate ends the streams of the party’s people at once', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const stream = await openStream(p.token('helseforetak'));
    const other = await openStream(p.token('kommune'));
    expect(
      (await command(f.url, p.token('admin'), 'parties.deactivate', { partyId: p.party('helseforetak') })).status,
    ).toBe(200);
    await waitFor(() => stream.ended(), { timeout: 3_000 });
    expect(other.ended()).toBe(false);
    other.abort();
  });

  it('DELETE /api/sessions (sign out everywhere) ends the streams of every session', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const email = p.user('kommune').email;
    const streams = [await openStream(p.token('kommune')), await openStream(await login(email))];
    expect((await api(f.url, '/api/sessions', { method: 'DELETE', token: p.token('kommune') })).status).toBe(200);
    await waitFor(() => streams.every((s) => s.ended()), { timeout: 3_000 });
  });
});

describe('one person cannot hold any number of streams', () => {
  // Before: every request kept a socket, a listener and a 25-second database check for as long
  // as the client liked; one session could open thousands.
  it('beyond the cap the person’s oldest stream ends; another person’s streams are untouched', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const bystander = await openStream(p.token('helseforetak'));
    const streams: OpenStream[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER + 5; i++) streams.push(await openStream(p.token('kommune')));
    await waitFor(() => streams.slice(0, 5).every((s) => s.ended()), { timeout: 3_000 });
    expect(streams.slice(5).some((s) => s.ended())).toBe(false);
    expect(f.server.context.notificationStreams.count(p.user('kommune').id)).toBe(MAX_STREAMS_PER_USER);
    expect(bystander.ended()).toBe(false);
    // The newest still hear news.
    const newest = streams.at(-1);
    const res = await command(f.url, p.token('helseforetak'), 'threads.create', {
      sectionId: p.section('Felles del').id,
      body: '@Kari Kommune, ser du denne?',
    });
    expect(res.status).toBe(200);
    await waitFor(() => newest?.received().includes('event: changed'));
    for (const s of [...streams, bystander]) s.abort();
    await waitFor(() => f.server.context.notificationStreams.count(p.user('kommune').id) === 0);
  });
});
