import type { BodyDiffView, SectionCompareView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator.js';
import { compareSummary } from './compareSummary.js';
import { markerChangeText, sectionChangeLabels } from './sectionChangeLabels.js';

const noDiff: BodyDiffView = {
  changed: false,
  doc: null,
  counts: { paragraphs: 0, wordsInserted: 0, wordsDeleted: 0, moved: 0, formatted: 0 },
};

function section(overrides: Partial<SectionCompareView>): SectionCompareView {
  return {
    sectionId: 's',
    kind: 'unchanged',
    titleBefore: 'Innledning',
    titleAfter: 'Innledning',
    renamed: false,
    moved: false,
    positionBefore: 0,
    positionAfter: 0,
    ownersBefore: ['k'],
    ownersAfter: ['k'],
    ownersChanged: false,
    markerChanges: [],
    diff: noDiff,
    ...overrides,
  };
}

const names: Record<string, string> = { k: 'Demo kommune', h: 'Demo HF', f: 'Fastlegene' };
const partyName = (id: string) => names[id] ?? id;

describe('a plan comparison as people read it', () => {
  it('counts the changed sections, naming added and removed ones, in bokmål and nynorsk', async () => {
    const sections = [
      section({ kind: 'changed' }),
      section({ kind: 'added', titleBefore: null }),
      section({ kind: 'removed', titleAfter: null }),
      section({ kind: 'unchanged' }),
    ];
    expect(compareSummary(await testTranslator('nb'), sections)).toBe('3 seksjoner endret (1 ny, 1 fjernet)');
    expect(compareSummary(await testTranslator('nn'), sections)).toBe('3 seksjonar endra (1 ny, 1 fjerna)');
    expect(compareSummary(await testTranslator('nb'), [section({ kind: 'changed' })])).toBe('1 seksjon endret');
    expect(compareSummary(await testTranslator('nb'), [section({})])).toBe('Ingen endringer mellom disse to.');
  });

  it('labels a rename with the old title, a move with places counted from 1, and new owners by name', async () => {
    const t = await testTranslator('nb');
    const labels = sectionChangeLabels(
      t,
      section({
        kind: 'changed',
        titleBefore: 'Innledning',
        titleAfter: 'Bakgrunn',
        renamed: true,
        moved: true,
        positionBefore: 0,
        positionAfter: 2,
        ownersAfter: ['k', 'h'],
        ownersChanged: true,
      }),
      partyName,
    );
    expect(labels).toEqual([
      'Nytt navn, var «Innledning»',
      'Flyttet fra plass 1 til 3',
      'Eiere: Demo kommune → Demo kommune og Demo HF',
    ]);
    expect(sectionChangeLabels(t, section({ kind: 'added', titleBefore: null }), partyName)).toEqual(['Ny seksjon']);
    expect(sectionChangeLabels(await testTranslator('nn'), section({ kind: 'removed' }), partyName)).toEqual([
      'Fjerna seksjon',
    ]);
  });

  it('tells each party’s stance before and after, with staleness, and a re-confirmation as such', async () => {
    const t = await testTranslator('nb');
    const agree = { stance: 'agree' as const, stale: false };
    expect(
      markerChangeText(
        t,
        { partyId: 'f', before: { ...agree, stale: true }, after: { stance: 'disagree', stale: false } },
        partyName,
      ),
    ).toBe('Fastlegene: Enig (teksten endret) → Uenig');
    expect(markerChangeText(t, { partyId: 'h', before: null, after: agree }, partyName)).toBe('Demo HF: ingen → Enig');
    expect(markerChangeText(t, { partyId: 'h', before: agree, after: agree }, partyName)).toBe(
      'Demo HF: Enig, satt på nytt',
    );
    expect(
      markerChangeText(
        await testTranslator('nn'),
        { partyId: 'k', before: agree, after: { ...agree, stale: true } },
        partyName,
      ),
    ).toBe('Demo kommune: Samd → Samd (teksten endra)');
  });
});
