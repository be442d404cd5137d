import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awaitsParty, deriveSectionStatus, isStale, latestMarkers, type ConsensusInput } from './status.js';
import { STANCES, type Marker, type Stance } from './stances.js';

const R = 'rev-1';
const parties = ['kommune', 'hf', 'fastlege', 'bruker'];
const marker = (partyId: string, stance: Stance, revision = R, at = '2027-03-14T10:00:00Z'): Marker => ({
  partyId,
  stance,
  note: stance === 'reservation' || stance === 'disagree' ? 'grunn' : null,
  revision,
  at,
});
const input = (markers: Marker[], extra: Partial<ConsensusInput> = {}): ConsensusInput => ({
  locked: false,
  requiredParties: parties,
  markers,
  revision: R,
  ...extra,
});

describe('section status (C3)', () => {
  it('[C3] is draft without markers and in_review with some', () => {
    expect(deriveSectionStatus(input([]))).toBe('draft');
    expect(deriveSectionStatus(input([marker('kommune', 'agree')]))).toBe('in_review');
  });

  it('[C3] is consensus when every required party agrees, with reservation or abstaining, and one agrees', () => {
    const all = [
      marker('kommune', 'agree'),
      marker('hf', 'reservation'),
      marker('fastlege', 'abstain'),
      marker('bruker', 'agree'),
    ];
    expect(deriveSectionStatus(input(all))).toBe('consensus');
  });

  it('[C3] is not consensus when everybody abstains or reserves without anyone agreeing', () => {
    const none = parties.map((p, i) => marker(p, i % 2 ? 'abstain' : 'reservation'));
    expect(deriveSectionStatus(input(none))).toBe('in_review');
  });

  it('[C3] one current disagreement makes it disagreement, whatever the others say', () => {
    const markers = [
      marker('kommune', 'agree'),
      marker('hf', 'agree'),
      marker('fastlege', 'agree'),
      marker('bruker', 'disagree'),
    ];
    expect(deriveSectionStatus(input(markers))).toBe('disagreement');
  });

  it('[C2] a stale marker does not count', () => {
    const markers = [
      marker('kommune', 'agree'),
      marker('hf', 'agree'),
      marker('fastlege', 'agree'),
      marker('bruker', 'agree', 'rev-0'),
    ];
    expect(isStale(markers[3] as Marker, R)).toBe(true);
    expect(deriveSectionStatus(input(markers))).toBe('in_review');
    expect(deriveSectionStatus(input([marker('bruker', 'disagree', 'rev-0')]))).toBe('draft');
  });

  it('[C3] markers of parties that are not required do not count', () => {
    expect(deriveSectionStatus(input([marker('sekretariat', 'disagree')]))).toBe('draft');
  });

  it('[C3] locked wins over everything', () => {
    expect(deriveSectionStatus(input([marker('bruker', 'disagree')], { locked: true }))).toBe('locked');
  });

  it('[C1] the latest marker per party counts', () => {
    const history = [
      marker('hf', 'disagree', R, '2027-03-14T10:00:00Z'),
      marker('hf', 'agree', R, '2027-03-14T11:00:00Z'),
    ];
    expect(latestMarkers(history)).toEqual([history[1]]);
    expect(latestMarkers([...history].reverse())).toEqual([history[1]]);
  });

  it('knows which sections still wait for a party', () => {
    expect(awaitsParty('kommune', input([]))).toBe(true);
    expect(awaitsParty('kommune', input([marker('kommune', 'agree')]))).toBe(false);
    expect(awaitsParty('kommune', input([marker('kommune', 'agree', 'rev-0')]))).toBe(true);
    expect(awaitsParty('sekretariat', input([]))).toBe(false);
    expect(awaitsParty('kommune', input([], { locked: true }))).toBe(false);
  });
});

describe('section status, property-based (C2, C3)', () => {
  const revision = fc.constantFrom('rev-0', 'rev-1', 'rev-2');
  const markerArb = fc.record({
    partyId: fc.constantFrom(...parties, 'sekretariat'),
    stance: fc.constantFrom(...STANCES),
    note: fc.constant(null),
    revision,
    at: fc.constant('2027-01-01T00:00:00Z'),
  });
  const markersArb = fc.uniqueArray(markerArb, { selector: (m) => m.partyId, maxLength: 5 });
  const inputArb = fc.record({
    locked: fc.boolean(),
    requiredParties: fc.subarray(parties, { minLength: 1 }),
    markers: markersArb,
    revision,
  });

  it('[C3] consensus implies every required party has a current non-disagreeing marker and one agrees', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        if (deriveSectionStatus(i) !== 'consensus') return;
        for (const p of i.requiredParties) {
          const m = i.markers.find((x) => x.partyId === p);
          expect(m && m.revision === i.revision && m.stance !== 'disagree').toBe(true);
        }
        expect(
          i.markers.some(
            (m) => m.stance === 'agree' && m.revision === i.revision && i.requiredParties.includes(m.partyId),
          ),
        ).toBe(true);
      }),
    );
  });

  it('[C2] stale markers never change the status: dropping them gives the same answer', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const fresh = { ...i, markers: i.markers.filter((m) => m.revision === i.revision) };
        expect(deriveSectionStatus(i)).toBe(deriveSectionStatus(fresh));
      }),
    );
  });

  it('[C2] after the text changes, no marker counts until parties mark again', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const changed = { ...i, revision: 'rev-new' };
        expect(deriveSectionStatus(changed)).toBe(i.locked ? 'locked' : 'draft');
      }),
    );
  });

  it('[C3] locked if and only if locked; disagreement iff a current required disagree', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const status = deriveSectionStatus(i);
        expect(status === 'locked').toBe(i.locked);
        if (!i.locked) {
          const disagrees = i.markers.some(
            (m) => m.stance === 'disagree' && m.revision === i.revision && i.requiredParties.includes(m.partyId),
          );
          expect(status === 'disagreement').toBe(disagrees);
        }
      }),
    );
  });
});
