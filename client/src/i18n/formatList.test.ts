import { describe, expect, it } from 'vitest';
import { formatList } from './formatList.js';

describe('formatList', () => {
  it('joins like Norwegian prose', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['Demo HF'])).toBe('Demo HF');
    expect(formatList(['Demo kommune', 'Demo HF'])).toBe('Demo kommune og Demo HF');
    expect(formatList(['Demo kommune', 'Demo HF', 'Fastlegene'])).toBe('Demo kommune, Demo HF og Fastlegene');
  });
});
