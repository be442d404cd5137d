import type { Db } from './database.js';
import { documentStoreFor, type DocumentStore } from './documentStore.js';
import type { AppendRecord } from './documentWrites.js';
import type { EditAuthor } from './repositories/sectionEdits.js';
import { retryTransient } from './transient.js';
import { storeTimer, type StoreTimer } from './storeTimings.js';

type Operation =
  | {
      kind: 'append';
      documentName: string;
      update: Uint8Array;
      /** Who made it, for the section's history; null for changes nobody made. */
      author: EditAuthor | null;
      /** Runs synchronously right after the commit, before any later operation starts. */
      afterCommit?: () => void;
      /** Refused with `SectionLockedWrite` if its section is locked when the write commits. */
      whileUnlocked: boolean;
      /** The writer's session, checked at commit while news of ended sessions may not arrive. */
      sessionId?: string;
      done: (error?: unknown) => void;
    }
  | { kind: 'compact'; documentName: string; state: () => Uint8Array; done: (error?: unknown) => void };

const MAX_BATCH = 500;

/**
 * The one writer of `document_updates`. Every write runs in order, one transaction at a time:
 * appends that arrive together are committed as one transaction (group commit: one fsync for
 * many edits), and a compaction encodes the document's state only when every earlier append
 * has been committed and applied. So a compaction can never delete a stored row whose update
 * is not yet in the state that replaces it.
 */
export class DocumentUpdateWriter {
  private readonly queue: Operation[] = [];
  private draining: Promise<void> | null = null;
  /** Store latency for the metrics: each batch's transaction and each compaction. */
  private readonly timed: StoreTimer;
  private readonly store: DocumentStore;

  constructor(
    db: Db,
    /** How long a write waits for a database that cannot be reached before it fails. */
    private readonly retryForMs = 30_000,
    private readonly onRetry: (error: unknown, attempt: number) => void = () => undefined,
    /**
     * Whether news of rights changes from other instances may be missing now (the link to them is
     * down): then each client edit is authorized again at commit, from the database.
     */
    private readonly authorizeAtCommit: () => boolean = () => false,
  ) {
    this.timed = storeTimer(db);
    this.store = documentStoreFor(db);
  }

  /**
   * Resolves once `update` is committed; `afterCommit` has run by then. With `whileUnlocked`
   * (a client's edit) it is refused with `SectionLockedWrite` when the section is locked at commit.
   */
  append(
    documentName: string,
    update: Uint8Array,
    author: EditAuthor | null,
    afterCommit?: () => void,
    whileUnlocked = false,
    sessionId?: string,
  ): Promise<void> {
    return this.enqueue((done) => ({
      kind: 'append',
      documentName,
      update,
      author,
      afterCommit,
      whileUnlocked,
      sessionId,
      done,
    }));
  }

  /** Replaces a document's stored rows with `state()`, encoded when this write's turn comes. */
  compact(documentName: string, state: () => Uint8Array): Promise<void> {
    return this.enqueue((done) => ({ kind: 'compact', documentName, state, done }));
  }

  /** Resolves when everything queued so far is written (shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private enqueue(make: (done: (error?: unknown) => void) => Operation): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push(make((error) => (error === undefined ? resolve() : reject(error))));
      this.scheduleDrain();
    });
  }

  private scheduleDrain(): void {
    // setImmediate, not a microtask: messages read from sockets in the same I/O phase share a commit.
    this.draining ??= new Promise<void>((resolveDrain) => setImmediate(resolveDrain))
      .then(() => this.drain())
      .finally(() => {
        this.draining = null;
        // Queued after the drain last looked (a caller awaiting one write queues the next in the
        // microtasks between), and not yet seen by anyone: without this it would wait for ever.
        if (this.queue.length > 0) this.scheduleDrain();
      });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const first = this.queue[0];
      if (first?.kind === 'compact') {
        this.queue.shift();
        first.done(
          await failureOf(() => this.timed('compact', () => this.store.compact(first.documentName, first.state))),
        );
        continue;
      }
      let count = 0;
      while (count < MAX_BATCH && this.queue[count]?.kind === 'append') count += 1;
      const batch = this.queue.splice(0, count) as Extract<Operation, { kind: 'append' }>[];
      let refused = new Set<number>();
      let unauthorized = new Set<number>();
      // The history and the body are written in one transaction: no edit without its author.
      // A database that is briefly away (restart, failover) is waited for: the edits stay
      // unacknowledged meanwhile, their clients keep them, and later writes queue behind them.
      // Should a commit have landed without its answer, the retry stores the same updates again,
      // which Yjs applies once.
      const records: AppendRecord[] = batch.map(({ documentName, update, author, whileUnlocked, sessionId }) => ({
        documentName,
        update,
        author,
        whileUnlocked,
        ...(sessionId === undefined ? {} : { sessionId }),
      }));
      const failure = await failureOf(() =>
        retryTransient(
          () =>
            this.timed('append', async () => {
              const outcome = await this.store.append(records, this.authorizeAtCommit());
              refused = new Set(outcome.refused);
              unauthorized = new Set(outcome.unauthorized);
            }),
          { giveUpAfterMs: this.retryForMs, onRetry: this.onRetry },
        ),
      );
      for (const [index, operation] of batch.entries()) {
        if (failure !== undefined) operation.done(failure);
        else if (refused.has(index)) operation.done(new SectionLockedWrite(operation.documentName));
        else if (unauthorized.has(index)) operation.done(new UnauthorizedWrite(operation.documentName));
        else {
          operation.afterCommit?.();
          operation.done();
        }
      }
    }
  }

  /** Ends the store's thread, if it has one, once everything queued is written. */
  async close(): Promise<void> {
    await this.idle();
    await this.store.close();
  }
}

/** A client's edit reached storage after its section was locked (by any instance): not stored. */
export class SectionLockedWrite extends Error {
  constructor(readonly documentName: string) {
    super(`${documentName} is locked`);
  }
}

/** A client's edit whose writer no longer may write (session ended, moved, not an owner): not stored. */
export class UnauthorizedWrite extends Error {
  constructor(readonly documentName: string) {
    super(`${documentName}: the writer may no longer write`);
  }
}

async function failureOf(write: () => Promise<void>): Promise<unknown> {
  try {
    await write();
    return undefined;
  } catch (error) {
    return error ?? new Error('write failed');
  }
}
