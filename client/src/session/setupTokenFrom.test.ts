import { describe, expect, it } from 'vitest';
import { setupTokenFrom } from './setupTokenFrom.js';

describe('setupTokenFrom', () => {
  it('finds the token in the line the server printed, with or without the address', () => {
    expect(setupTokenFrom('  http://127.0.0.1:8080/setup/Ab3_x-9kQz ')).toBe('Ab3_x-9kQz');
    expect(setupTokenFrom('/setup/Ab3_x-9kQz')).toBe('Ab3_x-9kQz');
    expect(setupTokenFrom('Ab3_x-9kQzLmN')).toBe('Ab3_x-9kQzLmN');
  });

  it('is null for text that is no link and no token', () => {
    expect(setupTokenFrom('')).toBeNull();
    expect(setupTokenFrom('hei på deg')).toBeNull();
    expect(setupTokenFrom('https://example.no/login')).toBeNull();
  });
});
