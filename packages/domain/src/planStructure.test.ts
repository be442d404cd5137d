import { describe, expect, it } from 'vitest';
import { canonicalTags, copiedSectionParties, placeSection, templateSectionParties } from './planStructure.js';
import { DEFAULT_PLAN_TEMPLATE } from './template.js';

const parties = [
  { id: 'k', kind: 'kommune' as const },
  { id: 'hf', kind: 'helseforetak' as const },
  { id: 'fl', kind: 'fastlege' as const },
  { id: 'br', kind: 'bruker' as const },
  { id: 'sek', kind: 'sekretariat' as const },
];

describe('plan structure', () => {
  it('[PS2] a template section is owned by the plan parties of its kinds and needs every non-sekretariat party', () => {
    const brukermedvirkning = DEFAULT_PLAN_TEMPLATE.find((s) => s.title === 'Brukermedvirkning');
    if (!brukermedvirkning) throw new Error('template changed');
    expect(templateSectionParties(brukermedvirkning, parties)).toEqual({
      owners: ['k', 'hf', 'br'],
      requiredParties: ['k', 'hf', 'fl', 'br'],
    });
    const innledning = DEFAULT_PLAN_TEMPLATE[0];
    if (!innledning) throw new Error('template changed');
    expect(templateSectionParties(innledning, parties.slice(0, 2)).owners).toEqual([]);
  });

  it('[PS3] a copied section keeps chosen owners, falls back to parties of the same kind, and follows the default', () => {
    const to = [
      { id: 'k2', kind: 'kommune' as const },
      { id: 'hf', kind: 'helseforetak' as const },
      { id: 'sek', kind: 'sekretariat' as const },
    ];
    expect(
      copiedSectionParties({ owners: ['k', 'hf'], requiredParties: ['k', 'hf', 'fl', 'br'] }, parties, to),
    ).toEqual({ owners: ['hf'], requiredParties: ['k2', 'hf'] });
    expect(copiedSectionParties({ owners: ['k'], requiredParties: ['k', 'br'] }, parties, to)).toEqual({
      owners: ['k2'],
      requiredParties: [],
    });
    expect(copiedSectionParties({ owners: ['br'], requiredParties: ['hf'] }, parties, to)).toEqual({
      owners: [],
      requiredParties: ['hf'],
    });
  });

  it('places a section after another, first, or last', () => {
    expect(placeSection(['a', 'b', 'c'], 'c', null)).toEqual(['c', 'a', 'b']);
    expect(placeSection(['a', 'b', 'c'], 'a', 'b')).toEqual(['b', 'a', 'c']);
    expect(placeSection(['a', 'b', 'c'], 'a', 'c')).toEqual(['b', 'c', 'a']);
    expect(placeSection(['a', 'b', 'c'], 'b', 'b')).toEqual(['a', 'b', 'c']);
    expect(placeSection(['a', 'b'], 'n', undefined)).toEqual(['a', 'b', 'n']);
    expect(placeSection(['a', 'b'], 'n', 'a')).toEqual(['a', 'n', 'b']);
    expect(placeSection(['a', 'b'], 'n', 'x')).toBeNull();
    expect(placeSection(['a', 'b'], 'n', 'n')).toBeNull();
  });

  it('keeps tags once each, in the order of the four patient groups', () => {
    expect(canonicalTags(['skropelige_eldre', 'barn_og_unge', 'skropelige_eldre'])).toEqual([
      'barn_og_unge',
      'skropelige_eldre',
    ]);
  });
});
