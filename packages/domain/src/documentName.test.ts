import { describe, expect, it } from 'vitest';
import { parseDocumentName } from './documentName.js';

describe('document names', () => {
  it('parses section and plan documents', () => {
    expect(parseDocumentName('section:abc-123')).toEqual({ kind: 'section', id: 'abc-123' });
    expect(parseDocumentName('plan:P_1')).toEqual({ kind: 'plan', id: 'P_1' });
  });

  it.each(['', 'section:', 'section', 'plan:../x', 'other:1', 'section:a:b', `section:${'x'.repeat(65)}`, 'section:å'])(
    'rejects malformed name %j',
    (name) => {
      expect(parseDocumentName(name)).toBeNull();
    },
  );
});
