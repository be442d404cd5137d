import { describe, expect, it } from 'vitest';
import { findFolded, foldForSearch } from './normalizeForSearch.js';

const find = (text: string, query: string) =>
  findFolded(foldForSearch(text), foldForSearch(query).folded, 10).map((m) => text.slice(m.start, m.end));

describe('search folding', () => {
  it('finds «Barn» for «barn» and the other way round', () => {
    expect(find('Barn og unge', 'barn')).toEqual(['Barn']);
    expect(find('tilbud til barn', 'BARN')).toEqual(['barn']);
  });

  it('keeps æ, ø and å as their own letters', () => {
    expect(find('Vi bør bo her', 'bor')).toEqual([]);
    expect(find('Vi BØR bo her', 'bør')).toEqual(['BØR']);
    expect(find('Året og aret', 'år')).toEqual(['År']);
    expect(find('Ærlig', 'æ')).toEqual(['Æ']);
  });

  it('drops other accents, also when the text is decomposed', () => {
    expect(find('en idé', 'ide')).toEqual(['idé']);
    expect(find('en ide\u0301 til', 'idé')).toEqual(['ide\u0301']);
    expect(find('Müller', 'muller')).toEqual(['Müller']);
  });

  it('maps matches back past characters outside the basic plane', () => {
    expect(find('😀 barn 😀 Barn', 'barn')).toEqual(['barn', 'Barn']);
  });
});
