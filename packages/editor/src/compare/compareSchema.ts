import { Schema, type MarkSpec, type NodeSpec } from '@tiptap/pm/model';
import { documentSchema } from '../schema.js';

/** Marks a comparison adds to text: inserted, deleted, or same text with other formatting. */
export const DIFF_MARKS = ['diffInsert', 'diffDelete', 'diffFormat'] as const;
export type DiffMarkName = (typeof DIFF_MARKS)[number];

/** What happened to a whole block, stored in its `diff` attribute (null: nothing of its own). */
export type BlockDiff = 'insert' | 'delete' | 'moveFrom' | 'moveTo' | 'format';

let cached: Schema | undefined;

/**
 * The section schema plus what a comparison needs: the diff marks, and `diff` / `diffWas`
 * attributes on every node. Only comparisons use it; the editing schema never accepts these, so
 * a diff can never be stored as a body. Code text and code blocks accept the diff marks here,
 * because a change inside code must be shown like any other.
 */
export function compareSchema(): Schema {
  if (cached) return cached;
  const base = documentSchema();
  const formattingMarks: string[] = [];
  base.spec.marks.forEach((name) => formattingMarks.push(name));
  let nodes = base.spec.nodes;
  base.spec.nodes.forEach((name, spec) => {
    if (name === 'text') return;
    const withDiff: NodeSpec = {
      ...spec,
      attrs: { ...spec.attrs, diff: { default: null }, diffWas: { default: null } },
      ...(spec.marks === '' ? { marks: DIFF_MARKS.join(' ') } : {}),
    };
    nodes = nodes.update(name, withDiff);
  });
  let marks = base.spec.marks;
  marks.forEach((name, spec) => {
    // `code` excludes every other mark; it must still be able to carry a diff mark.
    if (spec.excludes === '_') marks = marks.update(name, { ...spec, excludes: formattingMarks.join(' ') });
  });
  const diffFormat: MarkSpec = { attrs: { added: { default: [] }, removed: { default: [] } } };
  marks = marks
    .addToEnd('diffInsert', { excludes: 'diffDelete' })
    .addToEnd('diffDelete', { excludes: 'diffInsert' })
    .addToEnd('diffFormat', diffFormat);
  cached = new Schema({ nodes, marks, topNode: base.spec.topNode });
  return cached;
}
