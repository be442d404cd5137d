/**
 * Whether a section card's props are the same as last time: each prop identical, except arrays
 * (the section's threads, who is in it), which the page filters afresh on every render and which
 * are the same when their items are. Lets the plan page re-render without rendering every card.
 */
export function sameSectionProps<P extends object>(previous: P, next: P): boolean {
  const previousKeys = Object.keys(previous) as (keyof P)[];
  if (previousKeys.length !== Object.keys(next).length) return false;
  return previousKeys.every((key) => {
    const a = previous[key];
    const b = next[key];
    if (Object.is(a, b)) return true;
    if (!(key in next) || !Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => Object.is(item, b[index]));
  });
}
