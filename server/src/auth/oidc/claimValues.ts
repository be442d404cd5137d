/**
 * The values at a dot path in a claims object. An array on the way is searched element by
 * element, so `authorization_details.reportees.ID` reaches every reportee's ID (Ansattporten).
 */
export function claimValues(claims: unknown, path: string): unknown[] {
  let current: unknown[] = [claims];
  for (const segment of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current.flatMap((item) => (Array.isArray(item) ? item : [item]))) {
      if (value !== null && typeof value === 'object' && Object.hasOwn(value, segment))
        next.push((value as Record<string, unknown>)[segment]);
    }
    current = next;
  }
  return current.flatMap((item) => (Array.isArray(item) ? item : [item]));
}
