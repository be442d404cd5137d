import { COMMENT_LIMITS } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { command, insertThreads, useFixture } from '../testing/index.js';

const f = useFixture();

describe('comment caps under a flood', () => {
  it('[T6][RL1] one member filling their party’s open-thread cap does not stop the others from commenting', async () => {
    // What one member's allowed command rate reaches in well under an hour.
    const plan = await f.plan();
    const author = f.user('bruker').id;
    const partyId = f.party('bruker');
    let left: number = COMMENT_LIMITS.openThreadsPerParty;
    for (const { id: sectionId } of plan.sections.slice(0, 3)) {
      const threads = Math.min(left, COMMENT_LIMITS.threadsPerSectionPerParty - 10);
      await insertThreads(f.db, { planId: plan.id, sectionId, authorId: author, partyId, threads });
      left -= threads;
    }
    const honest = await command(f.url, f.token('kommune'), 'threads.create', {
      sectionId: plan.section('Digitalisering og velferdsteknologi').id,
      body: 'Et ærlig innspill',
    });
    expect(honest.status).toBe(200);
    // The flooding party itself is at its cap.
    const more = await command(f.url, f.token('bruker'), 'threads.create', {
      sectionId: plan.section('Digitalisering og velferdsteknologi').id,
      body: 'Enda ett',
    });
    expect(more.body.error?.code).toBe('too_many_open_threads');
  });
});
