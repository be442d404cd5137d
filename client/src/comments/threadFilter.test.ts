import type { CommentView, ThreadView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { filterThreads, openThreadCounts, DEFAULT_FILTER } from './threadFilter.js';

const comment = (
  authorId: string,
  partyId: string,
  mentions: CommentView['mentions'] = [],
  deleted = false,
): CommentView => ({
  id: `${authorId}-${Math.random()}`,
  authorId,
  authorName: authorId,
  partyId,
  body: deleted ? '' : 'tekst',
  at: '2027-01-01T00:00:00Z',
  editedAt: null,
  deleted,
  mentions,
});
const thread = (id: string, sectionId: string, status: ThreadView['status'], comments: CommentView[]): ThreadView => ({
  id,
  sectionId,
  status,
  anchor: null,
  quote: null,
  detached: false,
  createdBy: comments[0]?.authorId ?? '',
  at: '2027-01-01T00:00:00Z',
  resolvedBy: null,
  resolvedAt: null,
  comments,
});

const threads = [
  thread('t1', 's1', 'open', [comment('kari', 'kommune'), comment('ola', 'hf', [{ kind: 'user', id: 'per' }])]),
  thread('t2', 's1', 'resolved', [comment('per', 'bruker')]),
  thread('t3', 's2', 'open', [comment('ola', 'hf', [{ kind: 'party', id: 'bruker' }])]),
  thread('t4', 's2', 'open', [comment('per', 'bruker', [], true), comment('kari', 'kommune')]),
];
const per = { userId: 'per', partyId: 'bruker' };
const ids = (list: ThreadView[]) => list.map((t) => t.id);

describe('thread filters', () => {
  it('shows open threads by default, resolved or all on request', () => {
    expect(ids(filterThreads(threads, DEFAULT_FILTER, per))).toEqual(['t1', 't3', 't4']);
    expect(ids(filterThreads(threads, { ...DEFAULT_FILTER, status: 'resolved' }, per))).toEqual(['t2']);
    expect(ids(filterThreads(threads, { ...DEFAULT_FILTER, status: 'all' }, per))).toHaveLength(4);
  });

  it('"mine" means I wrote a comment that still exists', () => {
    expect(ids(filterThreads(threads, { ...DEFAULT_FILTER, status: 'all', mine: true }, per))).toEqual(['t2']);
  });

  it('"mentioning me" covers me by name and my party', () => {
    expect(ids(filterThreads(threads, { ...DEFAULT_FILTER, mentioningMe: true }, per))).toEqual(['t1', 't3']);
  });

  it('filters by a party that took part', () => {
    expect(ids(filterThreads(threads, { ...DEFAULT_FILTER, partyId: 'kommune' }, per))).toEqual(['t1', 't4']);
  });

  it('counts open threads per section', () => {
    expect(openThreadCounts(threads)).toEqual(
      new Map([
        ['s1', 1],
        ['s2', 2],
      ]),
    );
  });
});
