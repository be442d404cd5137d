import type { CommentView, PlanProjection, ThreadView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readProjection, writeProjection } from './projection.js';

const comment = (id: string, at: string, body = `tekst ${id}`): CommentView => ({
  id,
  authorId: 'u1',
  authorName: 'Kari',
  partyId: 'p1',
  body,
  at,
  editedAt: null,
  deleted: false,
  mentions: [],
});

const thread = (id: string, at: string, comments: CommentView[]): ThreadView => ({
  id,
  sectionId: 's1',
  status: 'open',
  anchor: null,
  quote: null,
  detached: false,
  createdBy: 'u1',
  at,
  resolvedBy: null,
  resolvedAt: null,
  comments,
});

const view = (threads: ThreadView[]): PlanProjection => ({
  id: 'plan',
  title: 'Plan',
  forum: null,
  parties: [],
  members: [],
  sections: [],
  threads,
});

/** Applies what `change` does to `doc` to a replica and returns the update's size. */
function updateSize(doc: Y.Doc, change: () => void): number {
  const before = Y.encodeStateVector(doc);
  change();
  return Y.encodeStateAsUpdate(doc, before).byteLength;
}

describe('plan projection of threads', () => {
  it('[T7] reads back what was written, in creation order, after edits and removals', () => {
    const doc = new Y.Doc();
    const a = thread('a', '2026-01-01T10:00:00.000Z', [
      comment('a2', '2026-01-01T10:05:00.000Z'),
      comment('a1', '2026-01-01T10:00:00.000Z'),
    ]);
    const b = thread('b', '2026-01-01T09:00:00.000Z', [comment('b1', '2026-01-01T09:00:00.000Z')]);
    writeProjection(doc, view([a, b]));
    expect(readProjection(doc)?.threads.map((t) => [t.id, t.comments.map((c) => c.id)])).toEqual([
      ['b', ['b1']],
      ['a', ['a1', 'a2']],
    ]);

    const edited = { ...b, status: 'resolved' as const, comments: [comment('b1', b.at, 'endret')] };
    writeProjection(doc, view([edited]));
    expect(readProjection(doc)?.threads).toEqual([edited]);
  });

  it('[T7] sends nothing when nothing changed, and one comment when one comment is added', () => {
    const doc = new Y.Doc();
    const many = Array.from({ length: 100 }, (_, n) =>
      thread(`t${n}`, `2026-01-01T10:00:${String(n % 60).padStart(2, '0')}.000Z`, [
        comment(`c${n}`, '2026-01-01T10:00:00.000Z', 'x'.repeat(1000)),
      ]),
    );
    writeProjection(doc, view(many));
    expect(updateSize(doc, () => writeProjection(doc, view(many)))).toBeLessThan(10);
    const [first, ...rest] = many;
    if (!first) throw new Error('no thread');
    const reply = comment('reply', '2026-01-02T10:00:00.000Z', 'y'.repeat(1000));
    const grown = [{ ...first, comments: [...first.comments, reply] }, ...rest];
    expect(updateSize(doc, () => writeProjection(doc, view(grown)))).toBeLessThan(1500);
  });
});
