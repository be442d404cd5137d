import path from 'node:path';
import { configFromEnv, describeStorage } from '../config.js';
import { OpsError } from './opsError.js';

export interface OpsCommand {
  file: string;
  force: boolean;
  dataDir: string;
  databaseUrl: string | null;
  /** Where the data is, for messages: never a database password. */
  storage: string;
}

/**
 * `<file> [--force]`, and the storage the server would use with this environment (DATA_DIR,
 * DATABASE_URL). A relative file is taken from where `pnpm` was started, not the package folder.
 */
export function parseOpsCommand(argv: readonly string[], env: NodeJS.ProcessEnv, usage: string): OpsCommand {
  const args = argv.filter((arg) => arg !== '--');
  const force = args.includes('--force');
  const rest = args.filter((arg) => arg !== '--force');
  const [file, ...extra] = rest;
  if (!file || file.startsWith('-') || extra.length > 0) throw new OpsError(`Usage: ${usage}`);
  const config = configFromEnv(env);
  return {
    file: path.resolve(env.INIT_CWD ?? process.cwd(), file),
    force,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    storage: describeStorage(config),
  };
}

/** Runs a command's main, printing an operator's error without a stack trace. */
export function runOps(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof OpsError ? error.message : String((error as Error)?.stack ?? error)}\n`);
      process.exit(1);
    },
  );
}
