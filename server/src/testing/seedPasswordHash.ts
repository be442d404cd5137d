import { HASH_PARAMETERS, hashPassword } from '../auth/password.js';

const hashes = new Map<string, Promise<string>>();

/**
 * `hashPassword` for seeding test data, computed once per password in this process: every test
 * server seeds the same few demo passwords, and a scrypt hash each time was seconds of CPU per
 * file. Users seeded with the same password share a salt, which only matters for real accounts.
 * The key is all a new hash depends on besides its random salt: the password (as given; logins
 * normalise it, so two spellings of one password hash separately, both correct) and the current
 * parameters, so a change of parameters cannot hand out a hash made with the old ones.
 */
export function seedPasswordHash(password: string): Promise<string> {
  const key = JSON.stringify([HASH_PARAMETERS, password]);
  let hash = hashes.get(key);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(key, hash);
    // A failed hash is not kept: the next seeding tries again rather than failing the same way.
    hash.catch(() => hashes.delete(key));
  }
  return hash;
}
