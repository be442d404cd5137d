import type { Node } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import type { BlockDiff } from './compareSchema.js';

interface Whole {
  pos: number;
  node: Node;
}

/**
 * Sets the `diff` attribute of text blocks that were inserted or deleted whole, and pairs a
 * deleted block with an inserted one of the same text as a move (the token diff sees a moved
 * paragraph as deleted in one place and inserted in another).
 */
export function markBlocks(tr: Transform): void {
  const deleted: Whole[] = [];
  const inserted: Whole[] = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (wholly(node, 'diffDelete')) deleted.push({ pos, node });
    else if (wholly(node, 'diffInsert')) inserted.push({ pos, node });
    return false;
  });
  const set = (block: Whole, diff: BlockDiff) => tr.setNodeMarkup(block.pos, undefined, { ...block.node.attrs, diff });
  const unmatched = [...inserted];
  for (const block of deleted) {
    const twin = unmatched.findIndex((candidate) => candidate.node.textContent === block.node.textContent);
    if (twin === -1) {
      set(block, 'delete');
      continue;
    }
    set(block, 'moveFrom');
    set(unmatched[twin]!, 'moveTo');
    unmatched.splice(twin, 1);
  }
  for (const block of unmatched) set(block, 'insert');
}

/** The block has text and all of it carries the mark. */
function wholly(node: Node, mark: 'diffInsert' | 'diffDelete'): boolean {
  if (node.textContent.trim() === '') return false;
  let all = true;
  node.forEach((child) => {
    if (child.isText && !child.marks.some((m) => m.type.name === mark)) all = false;
  });
  return all;
}
