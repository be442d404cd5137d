import { ERRORS } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { nb } from './nb.js';
import { nn } from './nn.js';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('nynorsk has exactly the keys of bokmål', () => {
    expect(keys(nn).sort()).toEqual(keys(nb).sort());
  });

  it('uses the same interpolation variables in both forms', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const get = (obj: unknown, path: string) =>
      path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
    for (const key of keys(nb)) expect(vars(get(nn, key)), key).toEqual(vars(get(nb, key)));
  });

  it('nynorsk uses one term family for agreeing: samd, usamd, semje, usemje (never einig, ueinig)', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : typeof value === 'object' && value !== null
          ? Object.values(value).flatMap(strings)
          : [];
    const nynorsk = [...strings(nn), ...Object.values(ERRORS).map((e) => e.nn)];
    const otherFamily = /\b(u?einig\w*|einigheit\w*|u?enig\w*|uenighet\w*)\b/i;
    expect(nynorsk.filter((s) => otherFamily.test(s))).toEqual([]);
    // The family itself is there, so the check above cannot pass on an empty file.
    expect(nynorsk.some((s) => /\bsamd\b/i.test(s))).toBe(true);
    expect(nynorsk.some((s) => /\busamd\b/i.test(s))).toBe(true);
  });
});
