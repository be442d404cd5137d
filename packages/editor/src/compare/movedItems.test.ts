import { describe, expect, it } from 'vitest';
import { movedItems } from './movedItems.js';

describe('movedItems', () => {
  it('names the one section moved, not every section whose index changed', () => {
    expect([...movedItems(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'a'])]).toEqual(['a']);
  });
  it('does not count added or removed sections as moved', () => {
    expect(movedItems(['a', 'b', 'c'], ['x', 'a', 'c', 'y']).size).toBe(0);
  });
});
