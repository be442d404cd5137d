import { describe, expect, it } from 'vitest';
import { afterSectionId, moveInOrder, sameOrder } from './sectionOrder.js';

describe('moveInOrder', () => {
  it('moves down and up, keeping every other section in its order', () => {
    expect(moveInOrder(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveInOrder(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('leaves the order as it is for a move outside the list', () => {
    expect(moveInOrder(['a', 'b'], 0, 2)).toEqual(['a', 'b']);
    expect(moveInOrder(['a', 'b'], -1, 0)).toEqual(['a', 'b']);
  });
});

describe('afterSectionId', () => {
  it('is the section now just before the moved one, or null when it comes first', () => {
    const order = moveInOrder(['a', 'b', 'c', 'd'], 3, 1);
    expect(afterSectionId(order, 'd')).toBe('a');
    expect(afterSectionId(moveInOrder(order, 1, 0), 'd')).toBeNull();
  });

  it('refuses a section that is not in the plan', () => {
    expect(() => afterSectionId(['a'], 'x')).toThrow();
  });
});

describe('sameOrder', () => {
  it('compares sequence, not only membership', () => {
    expect(sameOrder(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameOrder(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameOrder(['a'], ['a', 'b'])).toBe(false);
  });
});
