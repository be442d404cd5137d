import { describe, expect, it } from 'vitest';
import { COMMENT_LIMITS } from '@fellesplan/domain';
import { api, command, insertThreads, useFixture, type FixturePlan } from '../testing/index.js';

const f = useFixture();

const PARTIES = ['kommune', 'helseforetak', 'fastlege', 'bruker'] as const;

async function verify(plan: FixturePlan) {
  return (
    await api<Record<string, unknown>>(f.url, `/api/plans/${plan.id}/audit/verify`, {
      token: f.token('sekretariat'),
    })
  ).body;
}

describe('governance of one plan under concurrency', () => {
  it('ten concurrent locks and then ten concurrent unlocks: one of each succeeds, the log verifies', async () => {
    const plan = await f.plan();
    const title = 'Innledning';
    const sectionId = plan.section(title).id;
    const { replies } = await plan.agreeAll(title);
    for (const r of replies) expect(r.status).toBe(200);
    for (let round = 0; round < 3; round++) {
      const locks = await Promise.all(
        Array.from({ length: 10 }, () => command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId })),
      );
      expect(locks.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(409)]);
      const unlocks = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          command(f.url, f.token('sekretariat'), 'sections.unlock', { sectionId, reason: `Grunn ${i} ✓ ﷽` }),
        ),
      );
      expect(unlocks.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(409)]);
    }
    expect(await verify(plan)).toMatchObject({ ok: true });
  });

  it('marks, locks, unlocks, threads, replies, resolves and reopens all at once never answer 500', async () => {
    const plan = await f.plan();
    const sections = plan.sections.slice(0, 3);
    const views = await Promise.all(sections.map((s) => plan.sectionView(s.title, 'kommune')));
    const thread = await command(f.url, f.token('bruker'), 'threads.create', {
      sectionId: sections[0]?.id,
      body: 'Start',
    });
    const threadId = String(thread.body.id);
    const requests: Promise<{ status: number; body: unknown }>[] = [];
    for (let i = 0; i < 60; i++) {
      const view = views[i % views.length];
      if (!view) continue;
      const sectionId = view.id;
      const party = PARTIES[i % PARTIES.length] ?? 'kommune';
      switch (i % 6) {
        case 0:
        case 1:
          requests.push(
            command(f.url, f.token(party), 'sections.mark', { sectionId, stance: 'agree', revision: view.revision }),
          );
          break;
        case 2:
          requests.push(command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId }));
          break;
        case 3:
          requests.push(command(f.url, f.token('sekretariat'), 'sections.unlock', { sectionId, reason: 'Igjen' }));
          break;
        case 4:
          requests.push(command(f.url, f.token(party), 'threads.create', { sectionId, body: `Innspill ${i}` }));
          requests.push(command(f.url, f.token(party), 'threads.reply', { threadId, body: `Svar ${i}` }));
          break;
        default:
          requests.push(
            command(f.url, f.token(party), i % 12 === 5 ? 'threads.resolve' : 'threads.reopen', { threadId }),
          );
      }
    }
    const replies = await Promise.all(requests);
    const failed = replies.filter((r) => r.status >= 500 || r.status === 429);
    expect(failed).toEqual([]);
    expect(await verify(plan)).toMatchObject({ ok: true });
  });

  it('[T6] concurrent reopens, new threads and replies at a cap: exactly the room left is used', async () => {
    const plan = await f.plan();
    const author = f.user('bruker').id;
    const partyId = f.party('bruker');
    const [first, second, third] = plan.sections;
    if (!first || !second || !third) throw new Error('the plan needs three sections');
    const open = COMMENT_LIMITS.openThreadsPerParty - 1;
    const half = Math.min(Math.floor(open / 2), COMMENT_LIMITS.threadsPerSectionPerParty - 20);
    await insertThreads(f.db, { planId: plan.id, sectionId: first.id, authorId: author, partyId, threads: half });
    await insertThreads(f.db, { planId: plan.id, sectionId: second.id, authorId: author, partyId, threads: half });
    await insertThreads(f.db, {
      planId: plan.id,
      sectionId: third.id,
      authorId: author,
      partyId,
      threads: open - 2 * half,
    });
    const resolved = await insertThreads(f.db, {
      planId: plan.id,
      sectionId: third.id,
      authorId: author,
      partyId,
      threads: 8,
      status: 'resolved',
    });
    const [full] = await insertThreads(f.db, {
      planId: plan.id,
      sectionId: third.id,
      authorId: author,
      partyId,
      threads: 1,
      status: 'resolved',
      comments: COMMENT_LIMITS.commentsPerThreadPerParty - 1,
    });
    const replies = await Promise.all([
      ...resolved.map((threadId) => command(f.url, f.token('kommune'), 'threads.reopen', { threadId })),
      ...[first, second, third].map((s) =>
        command(f.url, f.token('bruker'), 'threads.create', { sectionId: s.id, body: 'Ny' }),
      ),
      ...Array.from({ length: 8 }, (_, i) =>
        command(f.url, f.token('bruker'), 'threads.reply', { threadId: full, body: `Svar ${i}` }),
      ),
    ]);
    const statuses = replies.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    // One open thread's room, one comment's room in the full thread.
    expect(statuses.slice(0, 11).filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.slice(11).filter((s) => s === 200)).toHaveLength(1);
  });
});
