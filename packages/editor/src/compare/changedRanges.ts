import { ChangeSet, simplifyChanges, type Change } from '@tiptap/pm/changeset';
import type { Node } from '@tiptap/pm/model';
import { StepMap } from '@tiptap/pm/transform';
import { diffArrays } from 'diff';
import { characterTokens } from './characterTokens.js';
import { diffTokens, type DiffToken } from './diffTokens.js';

interface Range {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/**
 * The changes from `a` to `b`, word by word. The replace steps from `a` to `b` are recreated
 * from a diff (jsdiff) of whole paragraphs first and then of the words inside what differs, so
 * paragraphs and words are matched whole, not letter by letter across the text;
 * prosemirror-changeset turns those steps into changes, refining each replaced range and
 * widening it to whole words for reading. Empty when only formatting or block types differ.
 */
export function changedRanges(a: Node, b: Node): readonly Change[] {
  if (a.content.eq(b.content)) return [];
  const whole = { fromA: 0, toA: a.content.size, fromB: 0, toB: b.content.size };
  const blocksA = diffTokens(a, true);
  const blocksB = diffTokens(b, true);
  const wordsA = diffTokens(a, false);
  const wordsB = diffTokens(b, false);
  const words = (range: Range) =>
    replacedRanges(within(wordsA, range.fromA, range.toA), within(wordsB, range.fromB, range.toB), range);
  // Paragraphs equal first; then, where they differ, similar paragraphs paired with each other
  // (their words compared) and the rest inserted or deleted whole.
  const ranges = replacedRanges(blocksA, blocksB, whole).flatMap((region) =>
    replacedRanges(
      within(blocksA, region.fromA, region.toA),
      within(blocksB, region.fromB, region.toB),
      region,
      similar,
      words,
    ),
  );
  // One step per range, front to back: each starts where `b`'s text reaches at that point.
  const maps = ranges.map((r) => new StepMap([r.fromB, r.toA - r.fromA, r.toB - r.fromB]));
  const changes = ChangeSet.create(a, undefined, characterTokens).addSteps(b, maps, null).changes;
  return simplifyChanges(
    changes.filter((change) => !isRetyped(a, b, change)),
    b,
  );
}

/** Two text blocks share at least half their words: one was edited into the other. */
function similar(x: DiffToken, y: DiffToken): boolean {
  if (!x.words || !y.words || x.words.length === 0 || y.words.length === 0) return false;
  const inY = new Set(y.words);
  const shared = x.words.filter((word) => inY.has(word)).length;
  return (2 * shared) / (x.words.length + y.words.length) >= 0.5;
}

function within(tokens: DiffToken[], from: number, to: number): DiffToken[] {
  return tokens.filter((t) => t.from >= from && t.to <= to);
}

/**
 * The ranges where two token lists, covering `span` of each document, differ. With `match`,
 * tokens it pairs without being equal are compared further by `inside`.
 */
function replacedRanges(
  tokensA: DiffToken[],
  tokensB: DiffToken[],
  span: Range,
  match?: (x: DiffToken, y: DiffToken) => boolean,
  inside?: (pair: Range) => Range[],
): Range[] {
  const ranges: Range[] = [];
  let i = 0;
  let j = 0;
  let open: { fromA: number; fromB: number } | null = null;
  const posA = (index: number) => tokensA[index]?.from ?? span.toA;
  const posB = (index: number) => tokensB[index]?.from ?? span.toB;
  const close = () => {
    if (open) ranges.push({ ...open, toA: posA(i), toB: posB(j) });
    open = null;
  };
  const parts = diffArrays(tokensA, tokensB, { comparator: (x, y) => x.key === y.key || (match?.(x, y) ?? false) });
  for (const part of parts) {
    if (!part.added && !part.removed) {
      close();
      for (let k = 0; k < part.count; k++, i++, j++) {
        const x = tokensA[i]!;
        const y = tokensB[j]!;
        if (x.key !== y.key && inside) ranges.push(...inside({ fromA: x.from, toA: x.to, fromB: y.from, toB: y.to }));
      }
      continue;
    }
    open ??= { fromA: posA(i), fromB: posB(j) };
    if (part.removed) i += part.count;
    else j += part.count;
  }
  close();
  return ranges;
}

/**
 * A text block whose type alone changed (a paragraph made a heading) shows in the token diff
 * as its start and end tokens replaced one for one. Those are left to the formatting
 * comparison, which the one-for-one swap keeps aligned, so the text stays unchanged.
 */
function isRetyped(a: Node, b: Node, change: Change): boolean {
  if (change.toA - change.fromA !== 1 || change.toB - change.fromB !== 1) return false;
  const startA = a.nodeAt(change.fromA);
  const startB = b.nodeAt(change.fromB);
  if (startA?.isTextblock && startB?.isTextblock) return true;
  return endsTextblock(a, change.fromA) && endsTextblock(b, change.fromB);
}

function endsTextblock(doc: Node, pos: number): boolean {
  const $pos = doc.resolve(pos);
  return $pos.parent.isTextblock && $pos.parentOffset === $pos.parent.content.size;
}
