import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { OpsError } from './opsError.js';

/** How to reach the database with libpq tools without the password showing in `ps`. */
export interface LibpqTarget {
  /** The URL without password and without node-postgres's `options` (the tools set their own). */
  url: string;
  env: NodeJS.ProcessEnv;
}

export function libpqTarget(databaseUrl: string): LibpqTarget {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = '';
  url.searchParams.delete('options');
  return { url: url.toString(), env };
}

/** Fails with a clear message when a PostgreSQL client tool is not installed. */
export function requireTool(name: 'pg_dump' | 'pg_restore' | 'psql'): void {
  const result = spawnSync(name, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new OpsError(
      `${name} was not found on PATH. Install the PostgreSQL client tools, of the server's major version or newer ` +
        `(Debian/Ubuntu: apt-get install postgresql-client).`,
    );
  }
}

/** Runs a tool to its end; its stderr becomes the error when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new OpsError(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** Runs `query` on the database at `databaseUrl` (its search_path as configured). */
export async function withDatabase<T>(databaseUrl: string, query: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

/** The schema Fellesplan's tables live in: the first existing one on the URL's search_path. */
export async function currentSchema(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  const schema = rows[0]?.schema;
  if (!schema) throw new OpsError('No schema on the search_path of DATABASE_URL exists; create it first');
  return schema;
}

/** A SQL identifier, quoted only when it must be (as pg_dump writes them). */
export function sqlIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
