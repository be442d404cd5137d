import { diffArrays } from 'diff';

/**
 * Which of the ids both lists hold changed place relative to the others: those outside the
 * longest run the two orders share. Swapping two neighbours moves one of them, not both.
 */
export function movedItems(before: readonly string[], after: readonly string[]): Set<string> {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  const moved = new Set<string>();
  for (const part of diffArrays(
    before.filter((id) => inAfter.has(id)),
    after.filter((id) => inBefore.has(id)),
  )) {
    if (part.added || part.removed) for (const id of part.value) moved.add(id);
  }
  return moved;
}
