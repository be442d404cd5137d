import type { DiffCounts } from '@fellesplan/domain';
import type { Node } from '@tiptap/pm/model';

/** Counts for a merged comparison document, as the sentences about it need them. */
export function countChanges(merged: Node): DiffCounts {
  const counts: DiffCounts = { paragraphs: 0, wordsInserted: 0, wordsDeleted: 0, moved: 0, formatted: 0 };
  merged.descendants((block) => {
    if (!block.isTextblock) return true;
    const diff = block.attrs.diff as string | null;
    const marks = new Set<string>();
    block.forEach((child) => child.marks.forEach((m) => marks.add(m.type.name)));
    if (diff === 'moveTo') counts.moved += 1;
    if (diff === 'format' || marks.has('diffFormat')) counts.formatted += 1;
    // A move shows twice (where it went from, where it went to) but is one changed paragraph.
    if (diff === 'moveFrom') return false;
    if (diff !== null || marks.has('diffInsert') || marks.has('diffDelete') || marks.has('diffFormat'))
      counts.paragraphs += 1;
    if (diff === 'moveTo') return false;
    counts.wordsInserted += wordsMarked(block, 'diffInsert');
    counts.wordsDeleted += wordsMarked(block, 'diffDelete');
    return false;
  });
  return counts;
}

/** Words in the runs of text carrying `mark`; a run is joined first so a word split by formatting counts once. */
function wordsMarked(block: Node, mark: string): number {
  const runs: string[] = [''];
  block.forEach((child) => {
    if (child.isText && child.marks.some((m) => m.type.name === mark)) runs[runs.length - 1] += child.text ?? '';
    else if (runs.at(-1) !== '') runs.push('');
  });
  return runs.reduce((sum, run) => sum + run.split(/\s+/).filter(Boolean).length, 0);
}
