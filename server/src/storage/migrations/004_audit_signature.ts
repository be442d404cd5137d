import type { Kysely } from 'kysely';

/** The server's signature of each plan's decision-log head (NULL until the head is first signed). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plans').addColumn('audit_head_signature', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plans').dropColumn('audit_head_signature').execute();
}
