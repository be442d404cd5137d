import { isAllowedHref } from '@fellesplan/editor';

export type LinkHref = { ok: true; href: string } | { ok: false; problem: 'empty' | 'refused' };

/** A host name as people type it: labels with dots, then a path, query or nothing. */
const BARE_HOST =
  /^[a-z0-9æøå](?:[a-z0-9æøå-]*[a-z0-9æøå])?(?:\.[a-z0-9æøå](?:[a-z0-9æøå-]*[a-z0-9æøå])?)*\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[a-z]{2,}$/i;

/**
 * What a person typed in the link dialog, as a link target we may store: `www.example.no` and
 * `example.no/side` become https, `navn@example.no` becomes mailto, and anything whose scheme
 * is not http(s) or mailto (`javascript:`, `data:`, `file:` …) is refused by the same check the
 * server applies to stored content (`isAllowedHref`). What was typed is kept as typed, so
 * `https://www.example.no` stays without the trailing slash URL parsing would add.
 */
export function normalizeLinkHref(input: string): LinkHref {
  const typed = input.trim();
  if (!typed) return { ok: false, problem: 'empty' };
  let candidate = typed;
  if (/\s/.test(typed)) return { ok: false, problem: 'refused' };
  if (EMAIL.test(typed)) candidate = `mailto:${typed}`;
  else if (BARE_HOST.test(typed)) candidate = `https://${typed}`;
  return isAllowedHref(candidate) ? { ok: true, href: candidate } : { ok: false, problem: 'refused' };
}
