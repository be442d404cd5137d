import { documentSchema } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { findPassage } from './findPassage.js';

const doc = documentSchema().nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Barn og unge.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Tilbud til barn; flere barn.' }] },
  ],
});
const textAt = (range: { from: number; to: number } | null) => (range ? doc.textBetween(range.from, range.to) : null);

describe('findPassage', () => {
  it('finds the n-th match the server counted, across paragraphs, in any case', () => {
    expect(textAt(findPassage(doc, 'barn', 0))).toBe('Barn');
    expect(textAt(findPassage(doc, 'BARN', 2))).toBe('barn');
    expect(findPassage(doc, 'barn', 2)?.from).toBeGreaterThan(findPassage(doc, 'barn', 1)?.from ?? Infinity);
  });

  it('falls back to the last match when the text has fewer now, and to nothing when none', () => {
    expect(findPassage(doc, 'barn', 9)).toEqual(findPassage(doc, 'barn', 2));
    expect(findPassage(doc, 'bør', 0)).toBeNull();
  });
});
