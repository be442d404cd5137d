import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { linearizeYFragment, type YLinearText } from './linearText.js';

/** Where a comment thread points: two encoded `Y.RelativePosition`s into the body (DESIGN 6.2). */
export interface Anchor {
  start: string;
  end: string;
}

export interface ResolvedRange {
  /** Linear text offsets (see linearText.ts), end exclusive. */
  start: number;
  end: number;
}

export function encodeRelativePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

export function decodeRelativePosition(encoded: string): Y.RelativePosition | null {
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded));
    return position.item || position.type || position.tname ? position : null;
  } catch {
    return null;
  }
}

/**
 * Anchors the linear range [start, end) of a body. The start sticks to the character after it
 * and the end to the character before it, so typing just outside the range stays outside.
 */
export function createAnchor(fragment: Y.XmlFragment, start: number, end: number): Anchor | null {
  if (end <= start) return null;
  const linear = linearizeYFragment(fragment);
  const first = linear.segments.find((s) => start >= s.start && start < s.start + s.length);
  const last = linear.segments.find((s) => end > s.start && end <= s.start + s.length);
  if (!first || !last) return null;
  return {
    start: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first.type, start - first.start, 0)),
    end: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(last.type, end - last.start, -1)),
  };
}

interface Endpoint {
  offset: number;
  /** The character it sticks to still exists where it was. */
  intact: boolean;
}

function resolveEndpoint(doc: Y.Doc, linear: YLinearText, encoded: string): Endpoint | null {
  const relative = decodeRelativePosition(encoded);
  if (!relative) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  if (!absolute) return null;
  const segment = linear.segments.find((s) => s.type === absolute.type);
  if (!segment) return null;
  let intact = true;
  if (relative.item) {
    try {
      intact = !Y.getItem(doc.store, relative.item).deleted;
    } catch {
      intact = false;
    }
  }
  return { offset: segment.start + Math.min(absolute.index, segment.length), intact };
}

/**
 * Finds what an anchor points at now, or null when the text is gone (the thread is detached).
 *
 * Relative positions follow concurrent edits before, inside and after the range. They do not
 * follow text that ProseMirror *moves*: a paragraph split or join deletes the moved characters
 * and inserts copies (y-prosemirror issue 44), which strands the position. Then the range is
 * found again from the quote stored at creation, ignoring block breaks (a split inside the
 * range puts one in), taking the occurrence nearest to where the anchor last pointed.
 */
export function resolveAnchor(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  anchor: Anchor,
  quote: string | null,
): ResolvedRange | null {
  const linear = linearizeYFragment(fragment);
  const start = resolveEndpoint(doc, linear, anchor.start);
  const end = resolveEndpoint(doc, linear, anchor.end);
  if (start?.intact && end?.intact && start.offset < end.offset) return { start: start.offset, end: end.offset };
  if (!quote) return null;
  return findQuote(linear.text, quote, start?.offset ?? end?.offset ?? 0);
}

/** The occurrence of `quote` in `text` nearest `near`, where block breaks ("\n") do not count. */
export function findQuote(text: string, quote: string, near: number): ResolvedRange | null {
  const needle = quote.replace(/\n/g, '');
  if (!needle) return null;
  // Text without block breaks, remembering where each of its characters came from.
  let flat = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') continue;
    flat += text[i];
    origin.push(i);
  }
  let best: ResolvedRange | null = null;
  let bestDistance = Infinity;
  for (let at = flat.indexOf(needle); at !== -1; at = flat.indexOf(needle, at + 1)) {
    const start = origin[at] ?? 0;
    const end = (origin[at + needle.length - 1] ?? start) + 1;
    const distance = Math.abs(start - near);
    if (distance < bestDistance) {
      best = { start, end };
      bestDistance = distance;
    }
  }
  return best;
}

/** True when both ends point at existing characters of this body, in order: a usable new anchor. */
export function anchorPointsInto(doc: Y.Doc, fragment: Y.XmlFragment, anchor: Anchor): boolean {
  const linear = linearizeYFragment(fragment);
  const start = resolveEndpoint(doc, linear, anchor.start);
  const end = resolveEndpoint(doc, linear, anchor.end);
  return !!start?.intact && !!end?.intact && start.offset < end.offset;
}
