import { describe, expect, it } from 'vitest';
import { HASH_PARAMETERS, hashPassword, verifyPassword } from '../auth/password.js';
import { seedPasswordHash } from './seedPasswordHash.js';

describe('seedPasswordHash', () => {
  it('verifies exactly as a fresh hash of the same password does', async () => {
    const password = `seed-${Math.random()}`;
    const [cached, fresh] = await Promise.all([seedPasswordHash(password), hashPassword(password)]);
    expect(cached).not.toBe(fresh);
    for (const hash of [cached, fresh]) {
      expect(hash.startsWith(`${HASH_PARAMETERS}$`)).toBe(true);
      expect(await verifyPassword(password, hash)).toBe(true);
      expect(await verifyPassword(`${password}x`, hash)).toBe(false);
      expect(await verifyPassword('', hash)).toBe(false);
    }
  });

  it('hashes each password once, and another password apart', async () => {
    const password = `seed-${Math.random()}`;
    const first = await seedPasswordHash(password);
    expect(await seedPasswordHash(password)).toBe(first);
    const other = await seedPasswordHash(`${password}2`);
    expect(other).not.toBe(first);
    expect(await verifyPassword(password, other)).toBe(false);
    expect(await verifyPassword(`${password}2`, other)).toBe(true);
  });
});
