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
});
