import type { TiptapJSON } from './ydoc.js';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether a link target may be stored, shown or exported: absolute http(s) and mailto URLs only.
 * The browser's own URL parser decides the scheme, so tricks it would ignore (case, leading
 * spaces, tabs or newlines inside `javascript:`) are seen through. Relative URLs are refused:
 * a plan is read outside the app too (exports, public hearings), where a relative link has no
 * base or quietly points into our own origin, and the editor only offers absolute links.
 */
export function isAllowedHref(href: string): boolean {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    // Not an absolute URL (relative, or not a URL at all).
    return false;
  }
}

/**
 * A copy of Tiptap JSON without link marks whose href is not allowed; the text they covered
 * stays. Used wherever stored content is read out, since old data predates the check.
 */
export function stripDisallowedLinks(json: TiptapJSON): TiptapJSON {
  const { marks, content, ...rest } = json;
  const copy: TiptapJSON = { ...rest };
  if (marks) {
    const kept = marks.filter((mark) => mark.type !== 'link' || isAllowedLinkMark(mark.attrs));
    if (kept.length > 0) copy.marks = kept;
  }
  if (content) copy.content = content.map(stripDisallowedLinks);
  return copy;
}

function isAllowedLinkMark(attrs: Record<string, unknown> | undefined): boolean {
  const href = attrs?.href;
  return typeof href === 'string' && isAllowedHref(href);
}
