import type { Kysely } from 'kysely';

/**
 * Self-service administration (issue 10): the first start's setup, people with roles who can be
 * deactivated, invitations, OpenID Connect identities, plan periods and archiving, section tags
 * and deletion, and the partnership's own log of administrative acts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('parties').addColumn('org_number', 'text').execute();
  await db.schema.alterTable('parties').addColumn('description', 'text').execute();
  await db.schema.alterTable('parties').addColumn('deactivated_at', 'text').execute();

  await db.schema
    .alterTable('users')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('member'))
    .execute();
  await db.schema.alterTable('users').addColumn('deactivated_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
  await db.schema.alterTable('users').addColumn('oidc_issuer', 'text').execute();
  await db.schema.alterTable('users').addColumn('oidc_subject', 'text').execute();
  await db.schema.createIndex('users_oidc_idx').on('users').columns(['oidc_issuer', 'oidc_subject']).unique().execute();

  await db.schema.alterTable('plans').addColumn('period', 'text').execute();
  await db.schema.alterTable('plans').addColumn('archived_at', 'text').execute();

  await db.schema
    .alterTable('sections')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  // Deleted sections stay as rows (their text, markers and threads are evidence); nothing shows them.
  await db.schema.alterTable('sections').addColumn('deleted_at', 'text').execute();

  // One row once the first start's setup has run: its primary key lets only one setup succeed.
  await db.schema
    .createTable('installation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('helsefellesskap_id', 'text', (c) => c.notNull().references('helsefellesskap.id'))
    .addColumn('set_up_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('helsefellesskap_id', 'text', (c) => c.notNull().references('helsefellesskap.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('invitations_partnership_idx')
    .on('invitations')
    .columns(['helsefellesskap_id', 'created_at'])
    .execute();

  // An OpenID Connect login under way: the state names it, and it is used at most once.
  await db.schema
    .createTable('oidc_logins')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('invitation_token_hash', 'text')
    .addColumn('return_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // Administrative acts that belong to no plan (parties, people, invitations).
  await db.schema
    .createTable('admin_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('helsefellesskap_id', 'text', (c) => c.notNull().references('helsefellesskap.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('actor_party_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('admin_events_partnership_idx')
    .on('admin_events')
    .columns(['helsefellesskap_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['admin_events', 'oidc_logins', 'invitations', 'setup_tokens', 'installation']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.dropIndex('users_oidc_idx').ifExists().execute();
  for (const [table, columns] of [
    ['sections', ['deleted_at', 'tags']],
    ['plans', ['archived_at', 'period']],
    ['users', ['oidc_subject', 'oidc_issuer', 'language', 'deactivated_at', 'role']],
    ['parties', ['deactivated_at', 'description', 'org_number']],
  ] as const) {
    for (const column of columns) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
