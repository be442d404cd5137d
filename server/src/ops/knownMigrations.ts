import { migrationProvider } from '../storage/migrations/index.js';

/** The migrations this code knows: a backup that applied others comes from a newer Fellesplan. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations());
}
