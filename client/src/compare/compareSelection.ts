import { COMPARE_NOW } from '@fellesplan/domain';

/** Which two states of a plan a comparison shows: version ids, or `now` for the plan as it is. */
export interface CompareSelection {
  /** Null when the link names none and the plan has no version to start from. */
  from: string | null;
  to: string;
}

/** Why a selection cannot be compared, so the page says so instead of asking the server. */
export type SelectionProblem = 'noVersions' | 'unknown' | 'same';

/**
 * The comparison a shared link asks for. A link without `from` starts at the newest version and
 * one without `to` compares with now, so «Sammenlign» on the plan page needs no choice first.
 */
export function readCompareSelection(search: URLSearchParams, newestVersionId: string | null): CompareSelection {
  const from = search.get('from')?.trim() || newestVersionId;
  const to = search.get('to')?.trim() || COMPARE_NOW;
  return { from, to };
}

/** What is wrong with a selection given the plan's versions, or null when it can be compared. */
export function selectionProblem(selection: CompareSelection, versionIds: readonly string[]): SelectionProblem | null {
  if (selection.from === null) return 'noVersions';
  const known = (id: string) => id === COMPARE_NOW || versionIds.includes(id);
  if (!known(selection.from) || !known(selection.to)) return 'unknown';
  if (selection.from === selection.to) return 'same';
  return null;
}
