import { describe, expect, it } from 'vitest';
import { sameSectionProps } from './sameSectionProps.js';

describe('sameSectionProps', () => {
  const section = { id: 'a' };
  const thread = { id: 't' };

  it('is the same when every prop is identical, or an array holds the identical items', () => {
    expect(sameSectionProps({ section, threads: [thread], number: 1 }, { section, threads: [thread], number: 1 })).toBe(
      true,
    );
    expect(sameSectionProps({ section, threads: [] }, { section, threads: [] })).toBe(true);
  });

  it('differs when a prop or an array item is another object, or a prop is added or removed', () => {
    expect(sameSectionProps({ section }, { section: { id: 'a' } })).toBe(false);
    expect(sameSectionProps({ threads: [thread] }, { threads: [{ id: 't' }] })).toBe(false);
    expect(sameSectionProps({ threads: [thread] }, { threads: [thread, thread] })).toBe(false);
    expect(sameSectionProps<{ a?: number; b?: number }>({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameSectionProps<{ a?: number; b?: number }>({ a: 1 }, { a: 1, b: 1 })).toBe(false);
  });
});
