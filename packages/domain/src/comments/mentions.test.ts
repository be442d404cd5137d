import { describe, expect, it } from 'vitest';
import { parseMentions } from './mentions.js';

const candidates = [
  { kind: 'user' as const, id: 'u1', name: 'Kari Nordmann' },
  { kind: 'user' as const, id: 'u2', name: 'Kari' },
  { kind: 'party' as const, id: 'p1', name: 'Demo HF' },
  { kind: 'party' as const, id: 'p2', name: 'Brukerrådet' },
];

describe('parseMentions', () => {
  it('finds people and parties by their full names, longest first', () => {
    expect(parseMentions('Hei @Kari Nordmann og @demo hf, se over.', candidates)).toEqual([
      { kind: 'user', id: 'u1', start: 4, end: 18 },
      { kind: 'party', id: 'p1', start: 22, end: 30 },
    ]);
  });

  it('needs a word boundary after the name and ignores e-mail addresses', () => {
    expect(parseMentions('@Karianne og kari@demo.no', candidates)).toEqual([]);
    expect(parseMentions('@Brukerrådet!', candidates)).toEqual([{ kind: 'party', id: 'p2', start: 0, end: 12 }]);
  });
});
