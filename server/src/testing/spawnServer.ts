import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale, SERVER_BUNDLE, SERVER_ENTRY } from '../build/buildServer.js';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Whether spawned servers run the compiled build (`server/dist/main.mjs`, as `npm start` does) or
 * the sources under tsx: FELLESPLAN_SERVER_BUILD=1 (vitest.config.ts sets it and builds once in
 * its global setup; the bench builds before it starts). Read at each spawn, not at import.
 */
const buildByDefault = () => process.env.FELLESPLAN_SERVER_BUILD === '1';

export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  /** Everything it has printed so far, stdout and stderr. */
  output(): string;
  /** Ends the process at once, as a crash or `kill -9` would: no shutdown handler runs. */
  kill(): Promise<void>;
  /** Asks the process to shut down cleanly and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * The node arguments that run the server: the build, refused when older than its sources (a test
 * of yesterday's code would pass or fail for nothing), or the sources through tsx.
 */
function serverArgs(build: boolean): string[] {
  if (build) {
    if (isStale(SERVER_BUNDLE)) {
      throw new Error(
        'server/dist is older than the sources: run `bash scripts/build-server.sh` (or unset FELLESPLAN_SERVER_BUILD)',
      );
    }
    return ['--enable-source-maps', SERVER_ENTRY];
  }
  // `node --import tsx`, not the tsx CLI: the CLI runs the server in a child process of its own,
  // so killing it would leave the server running.
  return ['--import', 'tsx', path.join(serverRoot, 'src/main.ts')];
}

/**
 * Starts the real server in its own process on a free port, so a test can kill it like a crash
 * would: the compiled build `npm start` runs, or the sources under tsx (`build`, by default
 * FELLESPLAN_SERVER_BUILD). Resolves once it prints its URL.
 */
export async function spawnServer(
  dataDir: string,
  /** Added to the environment; `undefined` leaves a variable unset (Node passes none such on). */
  env: Record<string, string | undefined> = {},
  { timeout = 30_000, build = buildByDefault() }: { timeout?: number; build?: boolean } = {},
): Promise<SpawnedServer> {
  const child = spawn(process.execPath, serverArgs(build), {
    cwd: serverRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FELLESPLAN_DEMO: '1',
      LOG_LEVEL: 'warn',
      CLIENT_DIST: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running on its own: it would hold its data dir, database connections and CPU.
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeout} ms:\n${output}`));
    }, timeout);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Fellesplan kjører på (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
