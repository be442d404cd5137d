import type { BodyDiffView } from '@fellesplan/domain';
import type { TiptapJSON } from '@fellesplan/editor';
import { diffBodies } from '@fellesplan/editor/compare';

/** A body and the revision that names it: the revision is a hash of exactly this body ([R1]). */
export interface RevisedBody {
  revision: string;
  json: unknown;
}

const EMPTY: TiptapJSON = { type: 'doc', content: [{ type: 'paragraph' }] };
const LIMIT = 500;
const cache = new Map<string, BodyDiffView>();

/**
 * The diff of two bodies, remembered by their two revisions: a revision is a hash of the body
 * alone, so the pair names exactly what the diff is a function of, for versions and "now" alike.
 * `null` stands for no body (a section added or removed), compared as an empty one.
 */
export function diffRevisedBodies(before: RevisedBody | null, after: RevisedBody | null): BodyDiffView {
  const key = `${before?.revision ?? '-'}:${after?.revision ?? '-'}`;
  const known = cache.get(key);
  if (known) return known;
  const diff = diffBodies(
    (before?.json as TiptapJSON | undefined) ?? EMPTY,
    (after?.json as TiptapJSON | undefined) ?? EMPTY,
  );
  // Oldest out first; a comparison page asks for the same pairs again as people look through it.
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, diff);
  return diff;
}
