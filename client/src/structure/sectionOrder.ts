/** The list with the item at `from` moved to `to` (both indexes into the list as it was). */
export function moveInOrder<T>(order: readonly T[], from: number, to: number): T[] {
  const next = [...order];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1) as [T];
  next.splice(to, 0, moved);
  return next;
}

/**
 * What `sections.move` needs to put a section where it stands in `order`: the section just
 * before it, or null when it comes first.
 */
export function afterSectionId(order: readonly string[], sectionId: string): string | null {
  const index = order.indexOf(sectionId);
  if (index < 0) throw new Error(`section ${sectionId} is not in the order`);
  return index === 0 ? null : (order[index - 1] ?? null);
}

/** Whether two orders list the same sections in the same sequence. */
export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
