import type { MarkerView, SectionView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { inView, viewCounts } from './sectionViews.js';

const marker = (partyId: string, stance: MarkerView['stance'], revision = 'r1'): MarkerView => ({
  partyId,
  stance,
  note: stance === 'agree' ? null : 'fordi',
  revision,
  stale: revision !== 'r1',
  at: '2026-11-20T10:00:00.000Z',
  by: { userId: 'u', name: 'Kari' },
});

const section = (patch: Partial<SectionView>): SectionView => ({
  id: 's',
  title: 'Barn og unge',
  position: 0,
  owners: ['kommune'],
  requiredParties: ['kommune', 'hf'],
  status: 'draft',
  revision: 'r1',
  locked: false,
  markers: [],
  ...patch,
});

describe('section views', () => {
  it('«Våre seksjoner» are the ones our party owns', () => {
    expect(inView('ours', section({}), 'kommune')).toBe(true);
    expect(inView('ours', section({}), 'hf')).toBe(false);
  });

  it('«Trenger vårt standpunkt» holds required sections without our current stance, not locked ones', () => {
    expect(inView('needsUs', section({}), 'hf')).toBe(true);
    expect(inView('needsUs', section({ markers: [marker('hf', 'agree')] }), 'hf')).toBe(false);
    // A stance on text that has changed since is stale: it is needed again.
    expect(inView('needsUs', section({ markers: [marker('hf', 'agree', 'r0')] }), 'hf')).toBe(true);
    expect(inView('needsUs', section({ locked: true }), 'hf')).toBe(false);
    expect(inView('needsUs', section({}), 'bruker')).toBe(false);
  });

  it('«Uenighet og forbehold» holds current disagreements and reservations only', () => {
    expect(inView('disputed', section({ markers: [marker('hf', 'disagree')] }), 'kommune')).toBe(true);
    expect(inView('disputed', section({ markers: [marker('hf', 'reservation')] }), 'kommune')).toBe(true);
    expect(inView('disputed', section({ markers: [marker('hf', 'disagree', 'r0')] }), 'kommune')).toBe(false);
    expect(inView('disputed', section({ markers: [marker('hf', 'agree')] }), 'kommune')).toBe(false);
  });

  it('counts every view', () => {
    const sections = [
      section({ id: 'a' }),
      section({ id: 'b', owners: ['hf'], markers: [marker('kommune', 'disagree')] }),
    ];
    expect(viewCounts(sections, 'kommune')).toEqual({ all: 2, ours: 1, needsUs: 1, disputed: 1 });
  });
});
