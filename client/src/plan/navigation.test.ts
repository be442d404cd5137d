import { describe, expect, it } from 'vitest';
import { parsePlanHash } from './navigation.js';

describe('plan fragments', () => {
  it('names a section or a thread', () => {
    expect(parsePlanHash('#section-abc_1')).toEqual({ kind: 'section', id: 'abc_1' });
    expect(parsePlanHash('#thread-XYZ-2')).toEqual({ kind: 'thread', id: 'XYZ-2' });
  });

  it('ignores anything else, including ids that are not ids', () => {
    for (const hash of ['', '#', '#main', '#section-', '#comment-a', '#section-a b', `#section-${'a'.repeat(65)}`])
      expect(parsePlanHash(hash)).toBeNull();
  });
});
