import { Piscina } from 'piscina';
import type { Db } from './database.js';
import { sqliteFileOf } from './database.js';
import { commitAppends, commitCompaction, type AppendOutcome, type AppendRecord } from './documentWrites.js';
import type { TaskResult } from './sqliteWriter.worker.js';

/** Where `DocumentUpdateWriter` commits: each call is one transaction. */
export interface DocumentStore {
  append(batch: AppendRecord[], authorizeAtCommit: boolean): Promise<AppendOutcome>;
  compact(documentName: string, state: () => Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * The store for `db`. On SQLite a thread of its own commits: better-sqlite3 waits for the disk
 * (`synchronous = FULL`) on the thread that calls it, and on the event loop every socket would
 * wait with it, once per group commit. PostgreSQL's driver waits without blocking anything.
 */
export function documentStoreFor(db: Db): DocumentStore {
  const file = sqliteFileOf(db);
  return file ? new SqliteWriterThread(file, db) : new InProcessStore(db);
}

/** Transactions on the server's own connection. */
export class InProcessStore implements DocumentStore {
  /** Sections known to have history already (see `recordSectionEdits`). */
  private readonly withHistory = new Set<string>();

  constructor(private readonly db: Db) {}

  async append(batch: AppendRecord[], authorizeAtCommit: boolean): Promise<AppendOutcome> {
    return this.forgetHistoryOnFailure(() =>
      this.db.transaction().execute((trx) => commitAppends(trx, batch, authorizeAtCommit, this.withHistory)),
    );
  }

  async compact(documentName: string, state: () => Uint8Array): Promise<void> {
    await this.forgetHistoryOnFailure(() =>
      this.db.transaction().execute((trx) => commitCompaction(trx, documentName, state)),
    );
  }

  async close(): Promise<void> {}

  private async forgetHistoryOnFailure<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      // The transaction that failed may have recorded a baseline that was rolled back.
      this.withHistory.clear();
      throw error;
    }
  }
}

/**
 * Commits on the one writer thread of this process, on a connection of its own to the file. The
 * thread starts with the first write and ends after a minute without any (an idle server holds
 * none); servers of one process (tests) share it. Until it is up (starting takes a moment, seconds
 * on a busy machine), writes commit on the server's own connection, as they did before it
 * existed: no write waits for the thread. Tasks run one at a time, in the order sent, and each
 * writer sends its next only when its last has answered, so its commits never overlap.
 */
export class SqliteWriterThread implements DocumentStore {
  private readonly inProcess: InProcessStore;

  constructor(
    private readonly file: string,
    db: Db,
  ) {
    this.inProcess = new InProcessStore(db);
  }

  async append(batch: AppendRecord[], authorizeAtCommit: boolean): Promise<AppendOutcome> {
    if (!writerThreadUp()) return this.inProcess.append(batch, authorizeAtCommit);
    return this.run<AppendOutcome>('append', { file: this.file, batch, authorizeAtCommit });
  }

  async compact(documentName: string, state: () => Uint8Array): Promise<void> {
    if (!writerThreadUp()) return this.inProcess.compact(documentName, state);
    await this.run<void>('compact', { file: this.file, documentName, state: state() });
  }

  async close(): Promise<void> {
    // Without a thread there is no connection to close (and none is started for nothing).
    if (writer?.up) await this.run<void>('release', { file: this.file });
  }

  private async run<T>(name: 'append' | 'compact' | 'release', input: unknown): Promise<T> {
    const result = (await startWriterThread().run(input, { name })) as TaskResult<T>;
    if (result.ok) return result.value;
    throw Object.assign(new Error(result.error.message), result.error.code ? { code: result.error.code } : {});
  }
}

interface WriterThread {
  pool: Piscina;
  up: boolean;
  starting: Promise<void>;
}

let writer: WriterThread | null = null;

/** Whether the writer thread can take a task now; starts it if there is none. */
function writerThreadUp(): boolean {
  startWriterThread();
  return writer?.up ?? false;
}

function startWriterThread(): Piscina {
  if (writer) return writer.pool;
  const pool = new Piscina({
    // A plain-JavaScript entry that loads the TypeScript tasks through tsx, as the server runs.
    filename: new URL('./sqliteWriter.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
  });
  const started: WriterThread = {
    pool,
    up: false,
    starting: pool.run({}, { name: 'ready' }).then(
      () => {
        started.up = true;
      },
      () => undefined,
    ),
  };
  // Ended after idling, or failed: the next write starts another, and commits in-process meanwhile.
  pool.on('workerDestroy', () => {
    if (current() === started) writer = null;
    void pool.destroy();
  });
  pool.on('error', () => {
    if (current() === started) writer = null;
  });
  writer = started;
  return pool;
}

/** The writer thread now (read through a call: TypeScript would keep `writer` narrowed in the listeners). */
function current(): WriterThread | null {
  return writer;
}

/** Resolves once the writer thread is up (tests that must exercise it). */
export async function writerThreadReady(): Promise<void> {
  startWriterThread();
  await writer?.starting;
  if (!writer?.up) throw new Error('the SQLite writer thread did not start');
}
