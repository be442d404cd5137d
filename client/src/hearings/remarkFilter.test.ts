import type { HearingResponseView, RemarkView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { assessmentProgress, matchesFilter, NO_FILTER, remarkRows } from './remarkFilter.js';

function remark(id: string, sectionId: string, assessment: RemarkView['assessment'] = null): RemarkView {
  return {
    id,
    sectionId,
    sectionTitle: sectionId,
    quote: null,
    text: `merknad ${id}`,
    proposedText: null,
    assessment,
    justification: assessment ? 'fordi' : null,
    assessedBy: null,
    assessedAt: null,
    appliedAt: null,
    appliedRevision: null,
    owners: [],
    publicText: null,
    publicProposedText: null,
  };
}

function response(id: string, remarks: RemarkView[]): HearingResponseView {
  return {
    id,
    reference: `H1-${id}`,
    respondent: { name: id, organisation: null, email: `${id}@example.no` },
    partyId: null,
    at: '2026-11-10T10:00:00.000Z',
    statement: null,
    publicStatement: null,
    visibility: 'public',
    visibilityReason: null,
    remarks,
  };
}

const rows = remarkRows([
  response('eldreradet', [remark('a', 's7', 'delvis_tatt_til_folge'), remark('b', 's7'), remark('c', 's3')]),
  response('fagforbund', [remark('d', 's3', 'tatt_til_orientering')]),
]);
const ids = (filter: Partial<typeof NO_FILTER>) =>
  rows.filter((row) => matchesFilter(row, { ...NO_FILTER, ...filter })).map((row) => row.remark.id);

describe('the workbench filters and progress', () => {
  it('filters by status, respondent, section and assessment, and combines them', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ status: 'assessed' })).toEqual(['a', 'd']);
    expect(ids({ status: 'unassessed' })).toEqual(['b', 'c']);
    expect(ids({ respondent: 'fagforbund' })).toEqual(['d']);
    expect(ids({ sectionId: 's7' })).toEqual(['a', 'b']);
    expect(ids({ assessment: 'tatt_til_orientering' })).toEqual(['d']);
    expect(ids({ sectionId: 's3', status: 'unassessed', respondent: 'eldreradet' })).toEqual(['c']);
  });

  it('counts assessed remarks overall and per section', () => {
    const { overall, bySection } = assessmentProgress(rows);
    expect(overall).toEqual({ assessed: 2, count: 4 });
    expect(bySection.get('s7')).toEqual({ assessed: 1, count: 2 });
    expect(bySection.get('s3')).toEqual({ assessed: 1, count: 2 });
    expect(bySection.get('s1')).toBeUndefined();
  });
});
