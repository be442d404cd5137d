import { describe, expect, it } from 'vitest';
import { isValidOrgNumber, normalizeOrgNumber } from './orgNumber.js';

describe('organisation numbers (mod 11)', () => {
  it('accepts real numbers, with or without spaces', () => {
    // Sykehuset Innlandet HF, Oslo kommune, Brønnøysundregistrene.
    for (const n of ['983971768', '958935420', '974760673', '983 971 768']) expect(isValidOrgNumber(n)).toBe(true);
    expect(normalizeOrgNumber('983 971 768')).toBe('983971768');
  });

  it('refuses a wrong check digit, wrong length, letters, and numbers whose check digit would be 10', () => {
    for (const n of ['983971769', '98397176', '9839717680', '98397176a', '', '         ']) {
      expect(isValidOrgNumber(n)).toBe(false);
    }
    // 8 first digits with remainder 1 (check digit 10) are never valid, whatever the ninth digit.
    const base = '10000013';
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((a, w, i) => a + w * Number(base[i]), 0);
    expect(sum % 11).toBe(1);
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`${base}${d}`)).toBe(false);
  });
});
