import { HEARING_LIMITS } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { selectionQuote } from './selectionQuote.js';

describe('the quote taken from a selection', () => {
  it('is one line without the white space a drag picks up', () => {
    expect(selectionQuote('  Alle skal ha\n  en fast lege.\n')).toBe('Alle skal ha en fast lege.');
  });

  it('stays within the limit the server applies', () => {
    expect(selectionQuote('a'.repeat(HEARING_LIMITS.quote + 50))).toHaveLength(HEARING_LIMITS.quote);
  });
});
