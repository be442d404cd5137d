import type { SectionCompareView } from '@fellesplan/domain';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** "3 seksjoner endret (1 ny, 1 fjernet)": the comparison in one line, read before the details. */
export function compareSummary(t: Translate, sections: readonly SectionCompareView[]): string {
  const changed = sections.filter((s) => s.kind !== 'unchanged');
  if (changed.length === 0) return t('compare.nothingChanged');
  const added = changed.filter((s) => s.kind === 'added').length;
  const removed = changed.filter((s) => s.kind === 'removed').length;
  const details = [
    added ? t('compare.addedCount', { count: added }) : null,
    removed ? t('compare.removedCount', { count: removed }) : null,
  ].filter((part): part is string => part !== null);
  const head = t('compare.summary', { count: changed.length });
  return details.length ? `${head} (${details.join(', ')})` : head;
}
