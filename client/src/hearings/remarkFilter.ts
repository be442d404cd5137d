import type { Assessment, HearingResponseView, RemarkView } from '@fellesplan/domain';

/** The workbench's filters; an empty value means «all». */
export interface RemarkFilter {
  status: 'all' | 'assessed' | 'unassessed';
  /** A response id. */
  respondent: string;
  sectionId: string;
  assessment: Assessment | '';
}

export const NO_FILTER: RemarkFilter = { status: 'all', respondent: '', sectionId: '', assessment: '' };

export interface RemarkRow {
  remark: RemarkView;
  response: HearingResponseView;
}

/** Every remark of every response, with the response it came in. */
export function remarkRows(responses: readonly HearingResponseView[]): RemarkRow[] {
  return responses.flatMap((response) => response.remarks.map((remark) => ({ remark, response })));
}

export function matchesFilter({ remark, response }: RemarkRow, filter: RemarkFilter): boolean {
  if (filter.status === 'assessed' && remark.assessment === null) return false;
  if (filter.status === 'unassessed' && remark.assessment !== null) return false;
  if (filter.respondent && response.id !== filter.respondent) return false;
  if (filter.sectionId && remark.sectionId !== filter.sectionId) return false;
  if (filter.assessment && remark.assessment !== filter.assessment) return false;
  return true;
}

export interface Progress {
  assessed: number;
  count: number;
}

/** «37 av 52 innspill vurdert»: over all remarks, and per section. */
export function assessmentProgress(rows: readonly RemarkRow[]): {
  overall: Progress;
  bySection: Map<string, Progress>;
} {
  const bySection = new Map<string, Progress>();
  let assessed = 0;
  for (const { remark } of rows) {
    const section = bySection.get(remark.sectionId) ?? { assessed: 0, count: 0 };
    section.count += 1;
    if (remark.assessment !== null) {
      section.assessed += 1;
      assessed += 1;
    }
    bySection.set(remark.sectionId, section);
  }
  return { overall: { assessed, count: rows.length }, bySection };
}
