import type { BodyDiffView } from '@fellesplan/domain';
import type { TiptapJSON } from '../ydoc.js';
import { changedRanges } from './changedRanges.js';
import { compareSchema } from './compareSchema.js';
import { countChanges } from './countChanges.js';
import { formatChanges } from './formatChanges.js';
import { markBlocks } from './markBlocks.js';
import { mergeChanges } from './mergeChanges.js';

/**
 * Compares two section bodies inside their formatting: the result is the new body with the
 * inserted words, the deleted words put back, formatting changes and whole paragraphs inserted,
 * deleted or moved marked for display, and counts for a sentence about it. Throws if either body
 * does not fit the section schema.
 */
export function diffBodies(before: TiptapJSON, after: TiptapJSON): BodyDiffView {
  const schema = compareSchema();
  const a = schema.nodeFromJSON(before);
  const b = schema.nodeFromJSON(after);
  const changes = changedRanges(a, b);
  const formatting = formatChanges(a, b, changes);
  const tr = mergeChanges(a, b, changes);
  for (const { from, to, added, removed } of formatting.inline) {
    tr.addMark(tr.mapping.map(from, 1), tr.mapping.map(to, -1), schema.marks.diffFormat!.create({ added, removed }));
  }
  for (const { pos, was } of formatting.blocks) {
    const at = tr.mapping.map(pos, 1);
    const node = tr.doc.nodeAt(at);
    if (node) tr.setNodeMarkup(at, undefined, { ...node.attrs, diff: 'format', diffWas: was });
  }
  markBlocks(tr);
  return { changed: !a.eq(b), doc: withoutEmptyDiffAttrs(tr.doc.toJSON() as TiptapJSON), counts: countChanges(tr.doc) };
}

/** Drops the compare attributes where they say nothing, so unchanged nodes look as stored. */
function withoutEmptyDiffAttrs(json: TiptapJSON): TiptapJSON {
  const { content, attrs, ...rest } = json;
  const out: TiptapJSON = { ...rest };
  if (attrs) {
    const { diff, diffWas, ...own } = attrs;
    const kept = { ...own, ...(diff == null ? {} : { diff }), ...(diffWas == null ? {} : { diffWas }) };
    if (Object.keys(kept).length > 0) out.attrs = kept;
  }
  if (content) out.content = content.map(withoutEmptyDiffAttrs);
  return out;
}
