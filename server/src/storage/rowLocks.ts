import { sql, type Transaction } from 'kysely';
import type { Db } from './database.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';

// On PostgreSQL transactions overlap; these row locks serialize the ones that must not. SQLite
// has no FOR UPDATE and one writer per file: its transactions begin immediate (sqlite.ts), so they
// already take turns, also across processes on one file, and these are no-ops there. Lock order,
// to stay free of deadlocks: the plan row first (every command's transaction starts with it), then
// section rows.

/**
 * Locks the plan row until the transaction ends: governance writes to one plan (caps counted
 * then inserted, markers, audit appends) queue up behind each other. FOR NO KEY UPDATE is what
 * updating the audit head takes anyway, and it leaves foreign-key checks against the plan free.
 */
export async function lockPlanRow(trx: Transaction<Database>, planId: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await trx.selectFrom('plans').select('id').where('id', '=', planId).forNoKeyUpdate().execute();
}

/**
 * Locks a helsefellesskap's row until the transaction ends: administrative changes that count
 * (the last active administrator) take turns. Administrative commands take no plan row.
 */
export async function lockPartnershipRow(trx: Transaction<Database>, helsefellesskapId: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await trx.selectFrom('helsefellesskap').select('id').where('id', '=', helsefellesskapId).forNoKeyUpdate().execute();
}

/**
 * Makes writers of sections' history take turns until the transaction ends, on every instance.
 * An id is taken when a row is inserted, not when it commits: without this, a compaction could
 * merge rows past one with a lower id that commits later, and the text after that session would
 * lack what was merged. Sorted, so two writers of several sections never wait on each other in a
 * circle; an advisory lock, so no command's row locks are ever involved.
 */
export async function lockSectionHistory(trx: Db, sectionIds: readonly string[]): Promise<void> {
  if (!isPostgres(trx)) return;
  for (const id of [...new Set(sectionIds)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtext(${`section_edits:${id}`}))`.execute(trx);
  }
}

/**
 * Makes hearings being published take turns on the installation's running hearing number, so two
 * plans publishing at once never draw the same one.
 */
export async function lockHearingNumbers(trx: Db): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtext('hearing_numbers'))`.execute(trx);
}
