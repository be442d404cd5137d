import type { Transaction } from 'kysely';
import type { Db } from './database.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';
import { parseDocumentName } from '@fellesplan/domain';
import { appendDocumentUpdates, compactDocumentIn } from './repositories/documents.js';
import { lockSectionHistory } from './rowLocks.js';
import { compactSectionEdits, recordSectionEdits, type EditAuthor } from './repositories/sectionEdits.js';
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
  /** Sections known to have history already (see `recordSectionEdits`). */
  private readonly withHistory = new Set<string>();
  /** Store latency for the metrics: each batch's transaction and each compaction. */
  private readonly timed: StoreTimer;

  constructor(
    private readonly db: Db,
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
      // setImmediate, not a microtask: messages read from sockets in the same I/O phase share a commit.
      this.draining ??= new Promise<void>((resolveDrain) => setImmediate(resolveDrain))
        .then(() => this.drain())
        .finally(() => (this.draining = null));
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const first = this.queue[0];
      if (first?.kind === 'compact') {
        this.queue.shift();
        first.done(
          await failureOf(() => this.timed('compact', () => this.compactNow(first.documentName, first.state))),
        );
        continue;
      }
      let count = 0;
      while (count < MAX_BATCH && this.queue[count]?.kind === 'append') count += 1;
      const batch = this.queue.splice(0, count) as Extract<Operation, { kind: 'append' }>[];
      let refused = new Set<(typeof batch)[number]>();
      let unauthorized = new Set<(typeof batch)[number]>();
      // The history and the body are written in one transaction: no edit without its author.
      // A database that is briefly away (restart, failover) is waited for: the edits stay
      // unacknowledged meanwhile, their clients keep them, and later writes queue behind them.
      // Should a commit have landed without its answer, the retry stores the same updates again,
      // which Yjs applies once.
      const failure = await failureOf(() =>
        retryTransient(
          () =>
            this.timed('append', () =>
              this.db.transaction().execute(async (trx) => {
                refused = await writesToLockedSections(trx, batch);
                unauthorized = this.authorizeAtCommit() ? await unauthorizedWrites(trx, batch) : new Set();
                const accepted =
                  refused.size === 0 && unauthorized.size === 0
                    ? batch
                    : batch.filter((operation) => !refused.has(operation) && !unauthorized.has(operation));
                await recordSectionEdits(trx, accepted, new Date().toISOString(), this.withHistory);
                await appendDocumentUpdates(trx, accepted);
              }),
            ),
          {
            giveUpAfterMs: this.retryForMs,
            onRetry: (error, attempt) => {
              // The try that failed may have recorded a baseline that was rolled back.
              this.withHistory.clear();
              this.onRetry(error, attempt);
            },
          },
        ),
      );
      // A failed transaction may have recorded a baseline that was rolled back.
      if (failure !== undefined) this.withHistory.clear();
      for (const operation of batch) {
        if (failure !== undefined) operation.done(failure);
        else if (refused.has(operation)) operation.done(new SectionLockedWrite(operation.documentName));
        else if (unauthorized.has(operation)) operation.done(new UnauthorizedWrite(operation.documentName));
        else {
          operation.afterCommit?.();
          operation.done();
        }
      }
    }
  }

  /** The body and the section's history in one transaction: one commit (one fsync), not two. */
  private async compactNow(documentName: string, state: () => Uint8Array): Promise<void> {
    const ref = parseDocumentName(documentName);
    await this.db.transaction().execute(async (trx) => {
      // Taken first, as appends take it (PostgreSQL): the same order everywhere, so no deadlock.
      if (ref?.kind === 'section') await lockSectionHistory(trx, [ref.id]);
      await compactDocumentIn(trx, documentName, state);
      if (ref?.kind === 'section') await compactSectionEdits(trx, ref.id);
    });
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

/**
 * The client appends of `batch` whose writer may no longer write the section: the session ended
 * (logout, deactivation), the person is in another party now or deactivated, or their party no
 * longer owns the section. Normally each instance hears of these at once and closes or downgrades
 * the connection; while it cannot hear (Redis down), the database decides here, at commit.
 */
async function unauthorizedWrites<
  T extends { documentName: string; whileUnlocked: boolean; author: EditAuthor | null; sessionId?: string },
>(trx: Transaction<Database>, batch: readonly T[]): Promise<Set<T>> {
  const checked = batch.flatMap((operation) => {
    const ref = operation.whileUnlocked ? parseDocumentName(operation.documentName) : null;
    return ref?.kind === 'section' && operation.author
      ? [{ operation, sectionId: ref.id, author: operation.author }]
      : [];
  });
  if (checked.length === 0) return new Set();
  const now = new Date().toISOString();
  const sessionIds = [...new Set(checked.flatMap((c) => (c.operation.sessionId ? [c.operation.sessionId] : [])))];
  const liveSessions = new Set(
    sessionIds.length === 0
      ? []
      : (
          await trx
            .selectFrom('sessions')
            .select('token_hash')
            .where('token_hash', 'in', sessionIds)
            .where('expires_at', '>', now)
            .execute()
        ).map((row) => row.token_hash),
  );
  const users = new Map(
    (
      await trx
        .selectFrom('users')
        .select(['id', 'party_id', 'deactivated_at'])
        .where('id', 'in', [...new Set(checked.map((c) => c.author.userId))])
        .execute()
    ).map((row) => [row.id, row]),
  );
  const owners = new Set(
    (
      await trx
        .selectFrom('section_owners')
        .select(['section_id', 'party_id'])
        .where('section_id', 'in', [...new Set(checked.map((c) => c.sectionId))])
        .execute()
    ).map((row) => `${row.section_id} ${row.party_id}`),
  );
  return new Set(
    checked
      .filter(({ operation, sectionId, author }) => {
        const user = users.get(author.userId);
        return (
          !operation.sessionId ||
          !liveSessions.has(operation.sessionId) ||
          !user ||
          user.deactivated_at !== null ||
          user.party_id !== author.partyId ||
          !owners.has(`${sectionId} ${author.partyId}`)
        );
      })
      .map(({ operation }) => operation),
  );
}

/**
 * The appends of `batch` that must not be stored because their section is locked. A connection's
 * scope is decided on its own instance, and a lock committed on another one reaches it a moment
 * later: this is the check that holds everywhere. The section rows are read FOR SHARE: a lock
 * (an UPDATE of the row) either commits first and is seen here, or waits for this commit and
 * then re-reads the revision, which includes these edits ([L1]). SQLite takes writers in turn.
 */
async function writesToLockedSections<T extends { documentName: string; whileUnlocked: boolean }>(
  trx: Transaction<Database>,
  batch: readonly T[],
): Promise<Set<T>> {
  const guarded = batch.flatMap((operation) => {
    const ref = operation.whileUnlocked ? parseDocumentName(operation.documentName) : null;
    return ref?.kind === 'section' ? [{ operation, sectionId: ref.id }] : [];
  });
  if (guarded.length === 0) return new Set();
  let query = trx
    .selectFrom('sections')
    .select(['id', 'locked'])
    .where('id', 'in', [...new Set(guarded.map((g) => g.sectionId))]);
  if (isPostgres(trx)) query = query.forShare();
  const locked = new Set((await query.execute()).filter((row) => Number(row.locked) === 1).map((row) => row.id));
  return new Set(guarded.filter((g) => locked.has(g.sectionId)).map((g) => g.operation));
}

async function failureOf(write: () => Promise<void>): Promise<unknown> {
  try {
    await write();
    return undefined;
  } catch (error) {
    return error ?? new Error('write failed');
  }
}
