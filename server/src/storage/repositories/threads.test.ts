import type { ThreadView } from '@fellesplan/domain';
import { readProjection } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { api, connectProvider, insertThreads, waitFor, useFixture } from '../../testing/index.js';

const f = useFixture();

// SQLite refuses a statement with more than 32,766 bound variables; a flood of threads got there.
const FLOOD = 33_000;

describe('listing threads at any count', () => {
  it('[T5] GET /threads and the plan projection still work with more threads than SQLite has variables', async () => {
    const plan = await f.plan();
    const token = f.token('bruker');
    await insertThreads(f.db, {
      planId: plan.id,
      sectionId: plan.section('Nasjonale og lokale føringer').id,
      authorId: f.user('bruker').id,
      partyId: f.party('bruker'),
      threads: FLOOD,
      mentionPartyId: f.party('kommune'),
    });

    const listed = await api<ThreadView[]>(f.url, `/api/plans/${plan.id}/threads`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(FLOOD);
    expect(listed.body[FLOOD - 1]?.comments[0]).toMatchObject({
      body: 'Innspill 1',
      mentions: [{ kind: 'party', id: f.party('kommune') }],
    });

    const observer = connectProvider(f.url, token, plan.documentName);
    // The projection of 33,000 threads is built before the plan document syncs.
    await observer.synced(60_000);
    const projected = await waitFor(() => readProjection(observer.doc)?.threads, { timeout: 60_000 });
    expect(projected).toHaveLength(FLOOD);
    expect(projected.map((t) => t.id)).toEqual(listed.body.map((t) => t.id));
    observer.destroy();
  }, 180_000);
});
