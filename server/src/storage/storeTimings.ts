import type { Db } from './database.js';

/** Times one store write of the given kind; resolves or rejects as `write` does. */
export type StoreTimer = <T>(operation: 'append' | 'compact', write: () => Promise<T>) => Promise<T>;

const timers = new WeakMap<Db, StoreTimer>();
const untimed: StoreTimer = (_operation, write) => write();

/**
 * Registers how writes of `db`'s document updates are timed (the server's metrics). Keyed by the
 * database so the writer, built deep inside the collaboration assembly, needs no new parameter.
 */
export function timeStoreWrites(db: Db, timer: StoreTimer): void {
  timers.set(db, timer);
}

export function storeTimer(db: Db): StoreTimer {
  return timers.get(db) ?? untimed;
}
