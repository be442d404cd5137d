import { describe, expect, it } from 'vitest';
import type { Actor, PlanMembership } from '../types.js';
import { commentChangeRefusal, commentRefusal, threadStatusRefusal } from './threads.js';

const plan: PlanMembership = { id: 'p1', partyIds: ['kommune', 'hf'] };
const actor = (partyId: string): Actor => ({ userId: `u-${partyId}`, name: partyId, partyId });

describe('comment policies', () => {
  it('[T1] every member comments; outsiders do not learn the plan exists', () => {
    expect(commentRefusal(actor('hf'), plan)).toBeNull();
    expect(commentRefusal(actor('other'), plan)).toBe('not_found');
  });

  it('[T2] only the author changes a comment, and not once it is deleted', () => {
    const comment = { authorId: 'u-kommune', deleted: false };
    expect(commentChangeRefusal(actor('kommune'), comment)).toBeNull();
    expect(commentChangeRefusal(actor('hf'), comment)).toBe('not_author');
    expect(commentChangeRefusal(actor('kommune'), { ...comment, deleted: true })).toBe('comment_deleted');
  });

  it('[T1] a thread is resolved only while open and reopened only while resolved', () => {
    expect(threadStatusRefusal(actor('hf'), { status: 'open' }, plan, 'resolved')).toBeNull();
    expect(threadStatusRefusal(actor('hf'), { status: 'open' }, plan, 'open')).toBe('thread_already');
    expect(threadStatusRefusal(actor('hf'), { status: 'resolved' }, plan, 'open')).toBeNull();
    expect(threadStatusRefusal(actor('other'), { status: 'open' }, plan, 'resolved')).toBe('not_found');
  });
});
