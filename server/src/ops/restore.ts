import { existsSync } from 'node:fs';
import path from 'node:path';
import { SIGNING_KEY_FILE } from '../audit/signingKey.js';
import { parseOpsCommand, runOps } from './cli.js';
import { OpsError } from './opsError.js';
import { isPgDump, restorePostgres } from './postgresBackup.js';
import { isSqliteFile, restoreSqlite } from './sqliteBackup.js';

// `pnpm restore <file> [--force]`: with every server stopped, the backup becomes the database.
runOps(async () => {
  const command = parseOpsCommand(process.argv.slice(2), process.env, 'pnpm restore <file> [--force]');
  if (!existsSync(command.file)) throw new OpsError(`${command.file} does not exist`);
  if (command.databaseUrl) {
    if (!isPgDump(command.file))
      throw new OpsError(`${command.file} is not a PostgreSQL backup; DATABASE_URL names PostgreSQL`);
    await restorePostgres(command.file, command.databaseUrl, command.force);
  } else {
    if (!isSqliteFile(command.file))
      throw new OpsError(`${command.file} is not a SQLite backup; without DATABASE_URL the target is SQLite`);
    await restoreSqlite(command.file, command.dataDir, command.force);
  }
  process.stdout.write(`Restored ${command.file} into ${command.storage}.\n`);
  if (!process.env.FELLESPLAN_SIGNING_KEY && !existsSync(path.join(command.dataDir, SIGNING_KEY_FILE))) {
    process.stdout.write(
      `No signing key: put the original ${SIGNING_KEY_FILE} into ${command.dataDir} or set FELLESPLAN_SIGNING_KEY ` +
        `before starting, or the decision log fails verification with a new key.\n`,
    );
  }
});
