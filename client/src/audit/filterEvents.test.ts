import type { AuditEventType, AuditEventView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { filterEvents, localDay, NO_FILTER } from './filterEvents.js';

let id = 0;
function event(type: AuditEventType, at: string, sectionId: string | null, partyId: string): AuditEventView {
  id += 1;
  return {
    id,
    seq: id,
    type,
    at,
    actor: { userId: `u-${partyId}`, name: partyId, partyId, partyName: partyId },
    sectionId,
    sectionTitle: null,
    payload: {},
    hash: '',
    prevHash: '',
  };
}

// Noon local time, so the day is the same in every time zone the test may run in.
const day = (d: string) => new Date(`${d}T12:00:00`).toISOString();
const events = [
  event('section.marked', day('2027-03-01'), 's1', 'kommune'),
  event('thread.created', day('2027-03-02'), 's1', 'hf'),
  event('section.text_changed', day('2027-03-03'), 's2', 'kommune'),
  event('section.locked', day('2027-03-04'), 's2', 'sek'),
  event('plan.updated', day('2027-03-05'), null, 'sek'),
];
const ids = (list: AuditEventView[]) => list.map((e) => e.id);

describe('filterEvents', () => {
  it('keeps everything, newest first, without a filter', () => {
    expect(ids(filterEvents(events, NO_FILTER))).toEqual([5, 4, 3, 2, 1]);
  });

  it('narrows by section, party, kind and days, all together', () => {
    expect(ids(filterEvents(events, { ...NO_FILTER, sectionId: 's1' }))).toEqual([2, 1]);
    expect(ids(filterEvents(events, { ...NO_FILTER, partyId: 'kommune' }))).toEqual([3, 1]);
    expect(ids(filterEvents(events, { ...NO_FILTER, kind: 'text' }))).toEqual([3]);
    expect(ids(filterEvents(events, { ...NO_FILTER, kind: 'structure' }))).toEqual([5]);
    expect(ids(filterEvents(events, { ...NO_FILTER, from: '2027-03-02', to: '2027-03-04' }))).toEqual([4, 3, 2]);
    expect(ids(filterEvents(events, { ...NO_FILTER, partyId: 'kommune', from: '2027-03-02' }))).toEqual([3]);
  });

  it('counts a day in the reader’s time zone', () => {
    expect(localDay(day('2027-03-01'))).toBe('2027-03-01');
  });
});
