import type { Change } from '@tiptap/pm/changeset';
import { Fragment, Slice, type Mark, type Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';

/**
 * `b` with what `changes` removed from `a` put back in front of what replaced it: inserted text
 * carries `diffInsert`, text put back carries `diffDelete`. Both documents must be in the compare
 * schema. The returned transform maps positions of `b` into the merged document.
 */
export function mergeChanges(a: Node, b: Node, changes: readonly Change[]): Transform {
  const schema = b.type.schema;
  const inserted = schema.marks.diffInsert!.create();
  const deleted = schema.marks.diffDelete!.create();
  const tr = new Transform(b);
  // Back to front, so the positions of the changes still to come stay valid.
  for (const change of [...changes].reverse()) {
    if (change.toB > change.fromB) tr.addMark(change.fromB, change.toB, inserted);
    if (change.toA > change.fromA) {
      const slice = a.slice(change.fromA, change.toA);
      tr.replace(
        change.fromB,
        change.fromB,
        new Slice(withMark(slice.content, deleted), slice.openStart, slice.openEnd),
      );
    }
  }
  return tr;
}

function withMark(fragment: Fragment, mark: Mark): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    if (node.isText) nodes.push(node.mark(mark.addToSet(node.marks)));
    else if (node.isLeaf) nodes.push(node);
    else nodes.push(node.copy(withMark(node.content, mark)));
  });
  return Fragment.from(nodes);
}
