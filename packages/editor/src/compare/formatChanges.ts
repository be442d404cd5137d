import type { Change } from '@tiptap/pm/changeset';
import type { Mark, Node } from '@tiptap/pm/model';

/** Text whose formatting differs while its characters are unchanged (positions in `b`). */
export interface InlineFormatChange {
  from: number;
  to: number;
  /** Mark names the text has now and did not have (a link with another target is in both lists). */
  added: string[];
  removed: string[];
}

/** A text block whose type or attributes changed (a paragraph made a heading, a heading level). */
export interface BlockFormatChange {
  pos: number;
  /** The block as it was: its type name, and the heading level if it was a heading. */
  was: string;
}

/**
 * Formatting changes on the text the diff left unchanged. Between two changes the documents
 * agree token by token, so a position there in `b` has its counterpart at a fixed offset in `a`.
 */
export function formatChanges(
  a: Node,
  b: Node,
  changes: readonly Change[],
): { inline: InlineFormatChange[]; blocks: BlockFormatChange[] } {
  const inline: InlineFormatChange[] = [];
  const blocks: BlockFormatChange[] = [];
  let fromA = 0;
  let fromB = 0;
  for (const next of [...changes, null]) {
    const toB = next ? next.fromB : b.content.size;
    if (toB > fromB) compareRegion(a, b, fromA - fromB, fromB, toB, inline, blocks);
    if (next) {
      fromA = next.toA;
      fromB = next.toB;
    }
  }
  return { inline, blocks };
}

function compareRegion(
  a: Node,
  b: Node,
  offset: number,
  from: number,
  to: number,
  inline: InlineFormatChange[],
  blocks: BlockFormatChange[],
): void {
  const marksInA = new Map<number, readonly Mark[]>();
  a.nodesBetween(from + offset, to + offset, (node, pos) => {
    if (node.isText) for (let i = 0; i < node.nodeSize; i++) marksInA.set(pos + i - offset, node.marks);
    return true;
  });
  b.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock && pos >= from) {
      const before = a.nodeAt(pos + offset);
      if (before && blockKind(before) !== blockKind(node)) blocks.push({ pos, was: blockKind(before) });
    }
    if (!node.isText) return true;
    for (let i = Math.max(0, from - pos); i < Math.min(node.nodeSize, to - pos); i++) {
      const old = marksInA.get(pos + i) ?? [];
      const added = names(node.marks.filter((m) => !m.isInSet(old)));
      const removed = names(old.filter((m) => !m.isInSet(node.marks)));
      if (added.length === 0 && removed.length === 0) continue;
      const last = inline.at(-1);
      if (last && last.to === pos + i && same(last.added, added) && same(last.removed, removed)) last.to += 1;
      else inline.push({ from: pos + i, to: pos + i + 1, added, removed });
    }
    return false;
  });
}

/** A text block's type and the attributes a reader sees (heading level); widths and such are not. */
function blockKind(node: Node): string {
  return node.type.name === 'heading' ? `heading:${String(node.attrs.level)}` : node.type.name;
}

function names(marks: readonly Mark[]): string[] {
  return marks.map((m) => m.type.name);
}

function same(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((name, i) => name === y[i]);
}
