import type { BodyDiffView } from '@fellesplan/domain';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** "2 avsnitt endret, 5 ord satt inn, 1 ord slettet": how much a body changed, in one line. */
export function diffSentence(t: Translate, diff: BodyDiffView): string {
  if (!diff.changed) return t('compare.noTextChanges');
  const { paragraphs, wordsInserted, wordsDeleted, moved } = diff.counts;
  const parts = [
    paragraphs ? t('compare.paragraphs', { count: paragraphs }) : null,
    wordsInserted ? t('compare.wordsInserted', { count: wordsInserted }) : null,
    wordsDeleted ? t('compare.wordsDeleted', { count: wordsDeleted }) : null,
    moved ? t('compare.moved', { count: moved }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(', ') : t('compare.otherChanges');
}
