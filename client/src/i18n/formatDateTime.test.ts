import { describe, expect, it } from 'vitest';
import { formatDateTime } from './formatDateTime.js';

describe('formatDateTime', () => {
  it('writes day.month.year hours:minutes with leading zeros', () => {
    const local = new Date(2027, 2, 4, 9, 5).toISOString();
    expect(formatDateTime(local)).toBe('04.03.2027 09:05');
  });
});
