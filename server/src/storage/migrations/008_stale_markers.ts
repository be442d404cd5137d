import { sql, type Kysely } from 'kysely';

/**
 * `markers.stale_logged_at`: when the decision log recorded that a text change made this marker
 * stale (`section.text_changed`). Set once, under a condition, so two instances or two edits at
 * once never log one transition twice. Markers that exist already count as recorded: their
 * revision may have gone stale long before, and the log must not date that change to the next edit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('markers').addColumn('stale_logged_at', 'text').execute();
  await sql`UPDATE markers SET stale_logged_at = created_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('markers').dropColumn('stale_logged_at').execute();
}
