/**
 * "A, B og C". Not Intl.ListFormat: browsers lack nynorsk list data and fall back to English.
 * Bokmål and nynorsk both join with "og".
 */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1] ?? ''}`;
}
