import type { Node } from '@tiptap/pm/model';
import { compareSchema } from './compareSchema.js';

/**
 * The text of one side of a comparison document: `before` leaves out what was inserted, `after`
 * what was deleted. Text only, block by block as `jsonToText` joins it is not recoverable where
 * the diff split a paragraph to show a deleted paragraph break.
 */
export function diffSideText(doc: unknown, side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'diffInsert' : 'diffDelete';
  const node: Node = compareSchema().nodeFromJSON(doc);
  let text = '';
  node.descendants((child) => {
    if (child.isText && !child.marks.some((m) => m.type.name === skip)) text += child.text ?? '';
    return true;
  });
  return text;
}
