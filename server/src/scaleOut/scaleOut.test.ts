import {
  planDocumentName,
  sectionDocumentName,
  type PlanProjection,
  type PlanView,
  type SectionView,
  type SessionView,
} from '@fellesplan/domain';
import { CONTENT_FIELD, readProjection } from '@fellesplan/editor';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  demoLogin,
  spawnCluster,
  waitFor,
  type TestCluster,
  type TestProvider,
} from '../testing/index.js';

/** The body as its XML (text with tags): enough to see whose paragraphs it holds. */
const readText = (doc: Y.Doc) => doc.getXmlFragment(CONTENT_FIELD).toString();

// Two real server processes on one PostgreSQL schema and one Redis (DESIGN 3). Runs in the
// `postgres` project, where the server tests have a PostgreSQL; the SQLite run has none to share.
const clustered = Boolean(process.env.DATABASE_URL);

describe.skipIf(!clustered)('two instances behind Redis', () => {
  let cluster: TestCluster;
  let a: string;
  let b: string;
  const people = new Map<string, SessionView>();
  let plan: PlanView;
  const open: TestProvider[] = [];

  const login = async (url: string, email: string) => {
    const session = await demoLogin(url, email);
    people.set(email, session);
    return session;
  };
  const token = (email: string) => people.get(email)?.token ?? '';
  const partyOf = (email: string) => people.get(email)?.user.partyId ?? '';
  const emailOfParty = (partyId: string) => [...people.entries()].find(([, s]) => s.user.partyId === partyId)?.[0];
  /** A section no other test in this file uses: owned by kommune, or with text, as asked. */
  const used = new Set<string>();
  const sectionFor = ({ owned = false, text = false } = {}): SectionView => {
    const isOwned = (s: SectionView) => s.owners.includes(partyOf('kommune@demo.no'));
    // Whatever the order the tests run in, each takes the section it needs that the others need least.
    const spare = (s: SectionView) => (!owned && isOwned(s) ? 1 : 0) + (!text && !s.empty ? 1 : 0);
    const section = plan.sections
      .filter((s) => !used.has(s.id) && (!owned || isOwned(s)) && (!text || !s.empty))
      .sort((x, y) => spare(x) - spare(y))[0];
    if (!section) throw new Error('the demo plan has too few sections for these tests');
    used.add(section.id);
    return section;
  };

  /** Every required party agrees, through A, on the revision A shows now. */
  const everyPartyAgrees = async (sectionId: string) => {
    const current = await api<PlanView>(a, `/api/plans/${plan.id}`, { token: token('sekretariat@demo.no') });
    const view = current.body.sections.find((s) => s.id === sectionId);
    if (!view) throw new Error('section gone');
    for (const partyId of view.requiredParties) {
      const email = emailOfParty(partyId);
      if (!email) throw new Error(`nobody of party ${partyId}`);
      const marked = await command(a, token(email), 'sections.mark', {
        sectionId,
        stance: 'agree',
        revision: view.revision,
      });
      expect(marked.status).toBe(200);
    }
  };

  const connect = (url: string, email: string, documentName: string) => {
    const client = connectProvider(url, token(email), documentName);
    open.push(client);
    return client;
  };
  const projectionOn = async (url: string, email: string) => {
    const client = connect(url, email, planDocumentName(plan.id));
    await client.synced();
    return () => readProjection(client.doc) as PlanProjection | null;
  };

  beforeAll(async () => {
    cluster = await spawnCluster(2);
    const [first, second] = cluster.instances;
    if (!first || !second) throw new Error('two instances expected');
    a = first.url;
    b = second.url;
    for (const email of ['kommune@demo.no', 'hf@demo.no', 'fastlege@demo.no', 'bruker@demo.no', 'sekretariat@demo.no'])
      await login(a, email);
    const plans = await api<{ id: string }[]>(a, '/api/plans', { token: token('sekretariat@demo.no') });
    plan = (await api<PlanView>(a, `/api/plans/${plans.body[0]?.id}`, { token: token('sekretariat@demo.no') })).body;
  });

  afterAll(async () => {
    for (const client of open) client.destroy();
    await cluster?.close();
  });

  it('[SO1] two people on different instances co-write one section, and both copies and storage hold both texts', async () => {
    const section = sectionFor({ owned: true });
    const name = sectionDocumentName(section.id);
    const onA = connect(a, 'kommune@demo.no', name);
    const onB = connect(b, 'kommune@demo.no', name);
    await Promise.all([onA.synced(), onB.synced()]);
    appendParagraph(onA.doc, 'Skrevet gjennom instans A.');
    appendParagraph(onB.doc, 'Skrevet gjennom instans B.');
    for (const client of [onA, onB]) {
      await waitFor(() => readText(client.doc).includes('instans A') && readText(client.doc).includes('instans B'));
    }
    expect(readText(onA.doc)).toBe(readText(onB.doc));
    const stored = await api<{ text: string }>(a, `/api/sections/${section.id}/content`, {
      token: token('kommune@demo.no'),
    });
    expect(stored.body.text).toContain('instans A');
    expect(stored.body.text).toContain('instans B');
  });

  it('[SO2] a marker set through A reaches a plan page open on B', async () => {
    const section = sectionFor({ text: true });
    const read = await projectionOn(b, 'hf@demo.no');
    const reply = await command(a, token('hf@demo.no'), 'sections.mark', {
      sectionId: section.id,
      stance: 'agree',
      revision: section.revision,
    });
    expect(reply.status).toBe(200);
    await waitFor(() =>
      read()
        ?.sections.find((s) => s.id === section.id)
        ?.markers.some((m) => m.partyId === partyOf('hf@demo.no') && m.stance === 'agree'),
    );
  });

  it('[SO2] a comment written through A reaches a plan page open on B', async () => {
    const section = sectionFor();
    const read = await projectionOn(b, 'hf@demo.no');
    const reply = await command(a, token('fastlege@demo.no'), 'threads.create', {
      sectionId: section.id,
      body: 'Kommentar skrevet gjennom instans A.',
    });
    expect(reply.status).toBe(200);
    await waitFor(() =>
      read()?.threads.some((t) => t.comments.some((c) => c.body === 'Kommentar skrevet gjennom instans A.')),
    );
  });

  it('[SO2] edits typed through B change the revision a plan page on A shows', async () => {
    const section = sectionFor({ owned: true });
    const read = await projectionOn(a, 'hf@demo.no');
    const before = read()?.sections.find((s) => s.id === section.id)?.revision;
    expect(before).toBeTruthy();
    const writer = connect(b, 'kommune@demo.no', sectionDocumentName(section.id));
    await writer.synced();
    appendParagraph(writer.doc, 'Endring som flytter revisjonen.');
    await waitFor(() => read()?.sections.find((s) => s.id === section.id)?.revision !== before);
  });

  it('[SO3] [L1] a lock through A makes writers on B read-only before it commits, and their later edits are not stored', async () => {
    const section = sectionFor({ owned: true, text: true });
    const writer = connect(b, 'kommune@demo.no', sectionDocumentName(section.id));
    await writer.synced();
    expect(await writer.ready).toBe('read-write');
    const events: string[] = [];
    writer.provider.on('stateless', ({ payload }: { payload: string }) => {
      if ((JSON.parse(payload) as { type?: string; readOnly?: boolean }).readOnly === true) events.push('read-only');
    });
    await everyPartyAgrees(section.id);
    const locked = await command(a, token('sekretariat@demo.no'), 'sections.lock', { sectionId: section.id });
    events.push('lock committed');
    expect(locked.status).toBe(200);
    // B had made its writer read-only (and said so) before A committed the lock.
    expect(events).toEqual(['read-only', 'lock committed']);
    appendParagraph(writer.doc, 'Skrevet etter låsing.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stored = await api<{ text: string }>(a, `/api/sections/${section.id}/content`, {
      token: token('kommune@demo.no'),
    });
    expect(stored.body.text).not.toContain('Skrevet etter låsing.');
    const fresh = connect(b, 'kommune@demo.no', sectionDocumentName(section.id));
    expect(await fresh.ready).toBe('read-only');
  });

  it('[SO3] [L1] a lock through A decides on everything stored, also edits another instance has not relayed yet', async () => {
    const section = sectionFor({ owned: true, text: true });
    const name = sectionDocumentName(section.id);
    // A has the section loaded (its copy is what the lock reads when it is live there).
    const onA = connect(a, 'kommune@demo.no', name);
    await onA.synced();
    await everyPartyAgrees(section.id);
    // An edit another instance stored a moment ago, whose relay through Redis has not arrived:
    // written to storage as that instance's writer does, and sent nowhere.
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(onA.doc));
    const before = Y.encodeStateVector(late);
    appendParagraph(late, 'Lagret av en annen instans, ikke videresendt.');
    const update = Y.encodeStateAsUpdate(late, before);
    const pool = new pg.Pool({ connectionString: cluster.database.url ?? '' });
    try {
      await pool.query('INSERT INTO document_updates (document_name, data, created_at) VALUES ($1, $2, $3)', [
        name,
        Buffer.from(update),
        new Date().toISOString(),
      ]);
    } finally {
      await pool.end();
    }
    // The text changed after everyone agreed: the lock must see that and refuse.
    const locked = await command(a, token('sekretariat@demo.no'), 'sections.lock', { sectionId: section.id });
    expect(locked.status).toBe(409);
    // And A's copy now holds the stored edit, which its clients see.
    await waitFor(() => readText(onA.doc).includes('ikke videresendt'));
  });

  it('[SO2] an owner change through A takes write access from connections on B at once', async () => {
    const section = sectionFor({ owned: true });
    const writer = connect(b, 'kommune@demo.no', sectionDocumentName(section.id));
    await writer.synced();
    expect(await writer.ready).toBe('read-write');
    let readOnly = false;
    writer.provider.on('stateless', ({ payload }: { payload: string }) => {
      if ((JSON.parse(payload) as { readOnly?: boolean }).readOnly === true) readOnly = true;
    });
    const changed = await command(a, token('sekretariat@demo.no'), 'sections.setOwners', {
      sectionId: section.id,
      owners: [partyOf('hf@demo.no')],
    });
    expect(changed.status).toBe(200);
    await waitFor(() => readOnly);
  });

  it('[SO2] a mention written through A reaches the person’s notification stream on B, which a logout through A ends', async () => {
    const section = sectionFor();
    const session = await demoLogin(a, 'hf@demo.no');
    const controller = new AbortController();
    const stream = await fetch(`${b}/api/notifications/stream`, {
      headers: { authorization: `Bearer ${session.token}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    if (!reader) throw new Error('no body');
    let received = '';
    let ended = false;
    const pump = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
      ended = true;
    })();
    try {
      await waitFor(() => received.includes('event: ready'));
      const reply = await command(a, token('kommune@demo.no'), 'threads.create', {
        sectionId: section.id,
        body: '@Ola Hansen, ser du dette fra den andre instansen?',
      });
      expect(reply.status).toBe(200);
      await waitFor(() => received.includes('event: changed'));
      await api(a, '/api/session', { method: 'DELETE', token: session.token });
      await waitFor(() => ended);
    } finally {
      controller.abort();
      await pump.catch(() => undefined);
    }
  });

  it('[SO2] a logout through A closes that session’s connections on B', async () => {
    const session = await demoLogin(a, 'fastlege@demo.no');
    const client = connectProvider(b, session.token, planDocumentName(plan.id));
    open.push(client);
    await client.synced();
    let closed = false;
    client.provider.configuration.websocketProvider.on('close', () => (closed = true));
    const out = await api(a, '/api/session', { method: 'DELETE', token: session.token });
    expect(out.status).toBeLessThan(300);
    await waitFor(() => closed);
  });
});

// Its own pair: deactivating a person would take them from the tests above, which run in any order.
describe.skipIf(!clustered)('two instances behind Redis: people who leave', () => {
  let cluster: TestCluster;
  const open: TestProvider[] = [];

  beforeAll(async () => {
    cluster = await spawnCluster(2);
  });

  afterAll(async () => {
    for (const client of open) client.destroy();
    await cluster?.close();
  });

  it('[SO2] a person deactivated through A loses their connections on B', async () => {
    const [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
    const admin = await demoLogin(a, 'sekretariat@demo.no');
    const bruker = await demoLogin(a, 'bruker@demo.no');
    const plans = await api<{ id: string }[]>(a, '/api/plans', { token: bruker.token });
    const client = connectProvider(b, bruker.token, planDocumentName(plans.body[0]?.id ?? ''));
    open.push(client);
    await client.synced();
    let closed = false;
    client.provider.configuration.websocketProvider.on('close', () => (closed = true));
    const reply = await command(a, admin.token, 'users.deactivate', { userId: bruker.user.id });
    expect(reply.status).toBe(200);
    await waitFor(() => closed);
    // And the session is gone on B as well: it cannot come back.
    const again = connectProvider(b, bruker.token, planDocumentName(plans.body[0]?.id ?? ''));
    open.push(again);
    await expect(again.ready).rejects.toThrow();
  });
});
