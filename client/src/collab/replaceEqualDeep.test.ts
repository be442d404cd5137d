import { describe, expect, it } from 'vitest';
import { replaceEqualDeep } from './replaceEqualDeep.js';

describe('replaceEqualDeep', () => {
  it('returns the previous value when everything is equal', () => {
    const previous = { id: 'p', sections: [{ id: 'a', owners: ['x'] }], archivedAt: null };
    const next = { id: 'p', sections: [{ id: 'a', owners: ['x'] }], archivedAt: null };
    expect(replaceEqualDeep(previous, next)).toBe(previous);
  });

  it('keeps the unchanged parts and takes the changed ones', () => {
    const a = { id: 'a', revision: '1' };
    const b = { id: 'b', revision: '1' };
    const parties = [{ id: 'x' }];
    const result = replaceEqualDeep(
      { sections: [a, b], parties },
      {
        sections: [
          { id: 'a', revision: '1' },
          { id: 'b', revision: '2' },
        ],
        parties: [{ id: 'x' }],
      },
    );
    expect(result.sections[0]).toBe(a);
    expect(result.sections[1]).toEqual({ id: 'b', revision: '2' });
    expect(result.sections[1]).not.toBe(b);
    expect(result.parties).toBe(parties);
  });

  it('sees added, removed and reordered entries as changes', () => {
    const previous = { list: [1, 2], extra: 1 } as Record<string, unknown>;
    expect(replaceEqualDeep(previous, { list: [1, 2, 3], extra: 1 })).not.toBe(previous);
    expect(replaceEqualDeep(previous, { list: [1, 2] })).not.toBe(previous);
    expect(replaceEqualDeep(previous, { list: [2, 1], extra: 1 })).not.toBe(previous);
    expect(replaceEqualDeep(previous, { list: [1, 2], other: 1 })).not.toBe(previous);
  });

  it('takes the next value where the shapes differ', () => {
    expect(replaceEqualDeep(null, { id: 'a' })).toEqual({ id: 'a' });
    expect(replaceEqualDeep([1], { 0: 1 })).toEqual({ 0: 1 });
    expect(replaceEqualDeep({ a: 1 }, 'text')).toBe('text');
  });
});
