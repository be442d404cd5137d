import { spawn } from 'node:child_process';
import { chmodSync, closeSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { knownMigrations } from './knownMigrations.js';
import { OpsError } from './opsError.js';
import { currentSchema, libpqTarget, requireTool, run, sqlIdentifier, withDatabase } from './pgTools.js';
import { SchemaRename } from './schemaRename.js';

const CUSTOM_FORMAT_MAGIC = 'PGDMP';

export function isPgDump(file: string): boolean {
  const header = Buffer.alloc(CUSTOM_FORMAT_MAGIC.length);
  const fd = openSync(file, 'r');
  try {
    return (
      readSync(fd, header, 0, header.length, 0) === header.length && header.toString('latin1') === CUSTOM_FORMAT_MAGIC
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * `pg_dump --format=custom` of Fellesplan's schema (the first on DATABASE_URL's search_path):
 * one consistent snapshot while the servers keep running. No owners or grants: the restore's
 * user owns what it creates.
 */
export async function backupPostgres(databaseUrl: string, file: string): Promise<{ bytes: number; schema: string }> {
  requireTool('pg_dump');
  const schema = await withDatabase(databaseUrl, currentSchema);
  const target = libpqTarget(databaseUrl);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    await run(
      'pg_dump',
      [
        '--format=custom',
        // A pattern; quoted, it is exactly this name.
        `--schema="${schema.replace(/"/g, '""')}"`,
        '--no-owner',
        '--no-privileges',
        `--file=${partial}`,
        `--dbname=${target.url}`,
      ],
      target.env,
    );
    // Everything a person wrote: readable by its owner only.
    chmodSync(partial, 0o600);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, file);
  return { bytes: statSync(file).size, schema };
}

/**
 * Restores a dump into DATABASE_URL's schema, whatever schema it was taken from, in one
 * transaction: the script pg_restore writes is renamed to the target schema on the way to
 * psql, and COMMIT is sent only once pg_restore has finished well. Refuses a schema that holds
 * tables unless `force`, which drops them in the same transaction.
 */
export async function restorePostgres(file: string, databaseUrl: string, force: boolean): Promise<{ schema: string }> {
  for (const tool of ['pg_restore', 'psql'] as const) requireTool(tool);
  if (!isPgDump(file)) throw new OpsError(`${file} is not a pg_dump custom-format archive (pnpm backup writes one)`);
  const from = await dumpedSchema(file);
  const { schema, existing } = await withDatabase(databaseUrl, async (client) => {
    const schema = await currentSchema(client);
    const { rows } = await client.query<{ name: string; kind: string }>(
      `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'S', 'p')`,
      [schema],
    );
    return { schema, existing: rows };
  });
  const tables = existing.filter((relation) => relation.kind === 'r' || relation.kind === 'p');
  if (tables.length > 0 && !force) {
    throw new OpsError(
      `Schema ${schema} already holds ${tables.length} tables; stop every server and add --force to replace them`,
    );
  }
  const preamble = ['BEGIN;'];
  for (const [kinds, what] of DROPS) {
    const names = existing
      .filter((relation) => kinds.includes(relation.kind))
      .map((relation) => `${sqlIdentifier(schema)}.${sqlIdentifier(relation.name)}`);
    if (names.length > 0) preamble.push(`DROP ${what} IF EXISTS ${names.join(', ')} CASCADE;`);
  }
  const known = (await knownMigrations()).map((name) => `'${name.replace(/'/g, "''")}'`).join(', ');
  const postscript = [
    // A dump of a newer Fellesplan would start a server that cannot read it: refused, rolled back.
    `DO $$ BEGIN IF EXISTS (SELECT 1 FROM ${sqlIdentifier(schema)}.kysely_migration WHERE name NOT IN (${known})) ` +
      `THEN RAISE EXCEPTION 'the backup comes from a newer Fellesplan; upgrade first'; END IF; END $$;`,
    'COMMIT;',
  ];
  await pipeRestore(file, databaseUrl, new SchemaRename(from, schema), preamble, postscript);
  return { schema };
}

// Tables first: their CASCADE takes the views and owned sequences along, IF EXISTS skips those.
const DROPS: [string[], string][] = [
  [['r', 'p'], 'TABLE'],
  [['m'], 'MATERIALIZED VIEW'],
  [['v'], 'VIEW'],
  [['S'], 'SEQUENCE'],
];

/** The schema the dump's tables were in; also proves it is a Fellesplan dump. */
async function dumpedSchema(file: string): Promise<string> {
  const list = await run('pg_restore', ['--list', file], process.env);
  const tables = [...list.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)];
  const migrations = tables.find((match) => match[2] === 'kysely_migration');
  if (!migrations?.[1]) throw new OpsError(`${file} is not a Fellesplan backup (no kysely_migration table)`);
  return migrations[1].replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
}

function pipeRestore(
  file: string,
  databaseUrl: string,
  rename: SchemaRename,
  preamble: string[],
  postscript: string[],
): Promise<void> {
  const target = libpqTarget(databaseUrl);
  return new Promise((resolve, reject) => {
    const psql = spawn('psql', ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', `--dbname=${target.url}`], {
      env: target.env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const restore = spawn('pg_restore', ['--no-owner', '--no-privileges', '--file=-', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let psqlErrors = '';
    let restoreErrors = '';
    psql.stderr.on('data', (chunk: Buffer) => (psqlErrors += chunk.toString()));
    restore.stderr.on('data', (chunk: Buffer) => (restoreErrors += chunk.toString()));
    // psql may stop reading (an error); its exit status says why, not this pipe.
    psql.stdin.on('error', () => undefined);
    const restoreDone = new Promise<number | null>((done) => restore.on('close', done));
    const psqlDone = new Promise<number | null>((done) => psql.on('close', done));
    restore.on('error', reject);
    psql.on('error', reject);

    let psqlEnded = false;
    void psqlDone.then(() => (psqlEnded = true));
    void (async () => {
      // Waits for psql to take more, or to have ended (it stops at the first error).
      const write = (text: string) =>
        psql.stdin.write(`${text}\n`)
          ? Promise.resolve()
          : new Promise<unknown>((drained) => {
              psql.stdin.once('drain', drained);
              void psqlDone.then(drained);
            });
      for (const line of preamble) await write(line);
      for await (const line of createInterface({ input: restore.stdout, crlfDelay: Infinity })) {
        if (psqlEnded) {
          restore.kill();
          break;
        }
        const out = rename.line(line);
        if (out !== null) await write(out);
      }
      const restoreCode = await restoreDone;
      if (psqlEnded) throw new OpsError(`psql stopped; nothing was restored: ${psqlErrors.trim()}`);
      // Without COMMIT, psql ends the session at end of input and the transaction is rolled back.
      if (restoreCode === 0) for (const line of postscript) await write(line);
      psql.stdin.end();
      const psqlCode = await psqlDone;
      if (restoreCode !== 0) throw new OpsError(`pg_restore failed (exit ${restoreCode}): ${restoreErrors.trim()}`);
      if (psqlCode !== 0)
        throw new OpsError(`psql failed (exit ${psqlCode}); nothing was restored: ${psqlErrors.trim()}`);
    })().then(resolve, reject);
  });
}
