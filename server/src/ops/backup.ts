import { existsSync } from 'node:fs';
import { SIGNING_KEY_FILE } from '../audit/signingKey.js';
import { parseOpsCommand, runOps } from './cli.js';
import { OpsError } from './opsError.js';
import { backupPostgres } from './postgresBackup.js';
import { backupSqlite } from './sqliteBackup.js';

// `pnpm backup <file> [--force]`: a consistent copy of the database while the server runs.
runOps(async () => {
  const command = parseOpsCommand(process.argv.slice(2), process.env, 'pnpm backup <file> [--force]');
  if (existsSync(command.file) && !command.force)
    throw new OpsError(`${command.file} exists; add --force to overwrite it`);
  const { bytes } = command.databaseUrl
    ? await backupPostgres(command.databaseUrl, command.file)
    : await backupSqlite(command.dataDir, command.file);
  process.stdout.write(
    `Backed up ${command.storage} to ${command.file} (${bytes} bytes).\n` +
      `The decision-log signing key is not in it: keep FELLESPLAN_SIGNING_KEY or ${SIGNING_KEY_FILE} from DATA_DIR ` +
      `safe on its own; a restore without it cannot verify the log.\n`,
  );
});
