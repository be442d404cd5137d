import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { useFixture } from '../testing/index.js';
import { SectionContent } from './sectionContent.js';

const f = useFixture();

/**
 * Plan pages and projections read the stored state of every section of a plan. The cache of
 * those states was a Map that only grew: a server whose users looked through every plan came to
 * hold every section ever read until it restarted (the churn bench of issue 14 found it).
 */
describe('stored section states are kept for a bounded number of sections', () => {
  it('reading more sections than the limit keeps the limit, with the same answers', async () => {
    const plan = await f.plan();
    const ids = plan.sections.map((s) => s.id);
    expect(ids.length).toBeGreaterThan(4);
    const content = new SectionContent(f.db, f.server.collaboration.hocuspocus, pino({ level: 'silent' }), 3);
    const unbounded = f.server.context.content;

    for (const id of ids) expect(await content.storedState(id)).toEqual(await unbounded.storedState(id));
    expect(content.storedStatesKept).toBe(3);

    // Read again in another order (hits and evictions mixed), the answers stay those of storage.
    for (const id of [...ids].reverse()) expect(await content.storedState(id)).toEqual(await unbounded.storedState(id));
    expect(content.storedStatesKept).toBe(3);
  });
});
