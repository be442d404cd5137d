import { findFolded, foldForSearch } from '@fellesplan/domain';
import { linearizePmDoc, linearToPmPos } from '@fellesplan/editor';
import type { Node as PmNode } from '@tiptap/pm/model';

/**
 * The document range of the `occurrence`-th match of `query` (folded as the server folds it), or
 * of the last one when the text has fewer matches now; null when there is none.
 */
export function findPassage(doc: PmNode, query: string, occurrence: number): { from: number; to: number } | null {
  const linear = linearizePmDoc(doc);
  const matches = findFolded(foldForSearch(linear.text), foldForSearch(query.trim()).folded, occurrence + 1);
  const match = matches[Math.min(occurrence, matches.length - 1)];
  if (!match) return null;
  const from = linearToPmPos(linear, match.start);
  const to = linearToPmPos(linear, match.end);
  return from === null || to === null ? null : { from, to };
}
