import type { Transaction } from 'kysely';
import { parseDocumentName } from '@fellesplan/domain';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';
import { appendDocumentUpdates, compactDocumentIn } from './repositories/documents.js';
import { lockSectionHistory } from './rowLocks.js';
import { compactSectionEdits, recordSectionEdits, type EditAuthor } from './repositories/sectionEdits.js';

/** An edit to store, as it crosses to the thread that stores it (plain data only). */
export interface AppendRecord {
  documentName: string;
  update: Uint8Array;
  /** Who made it, for the section's history; null for changes nobody made. */
  author: EditAuthor | null;
  /** Refused if its section is locked when the write commits. */
  whileUnlocked: boolean;
  /** The writer's session, checked at commit while news of ended sessions may not arrive. */
  sessionId?: string;
}

/** Which appends of a batch were not stored, by their index in the batch. */
export interface AppendOutcome {
  /** Their section was locked at commit. */
  refused: number[];
  /** Their writer may no longer write. */
  unauthorized: number[];
}

/**
 * One group commit's work, in the caller's transaction: the appends that may still be stored,
 * their history and their bodies. The history and the body go together: no edit without its
 * author. `withHistory` remembers sections that have history already (see `recordSectionEdits`).
 */
export async function commitAppends(
  trx: Transaction<Database>,
  batch: readonly AppendRecord[],
  authorizeAtCommit: boolean,
  withHistory: Set<string>,
): Promise<AppendOutcome> {
  const refused = await writesToLockedSections(trx, batch);
  const unauthorized = authorizeAtCommit ? await unauthorizedWrites(trx, batch) : new Set<AppendRecord>();
  const accepted =
    refused.size === 0 && unauthorized.size === 0
      ? batch
      : batch.filter((operation) => !refused.has(operation) && !unauthorized.has(operation));
  await recordSectionEdits(trx, accepted, new Date().toISOString(), withHistory);
  await appendDocumentUpdates(trx, accepted);
  const indexes = (of: Set<AppendRecord>) => batch.flatMap((operation, index) => (of.has(operation) ? [index] : []));
  return { refused: indexes(refused), unauthorized: indexes(unauthorized) };
}

/** The body and the section's history compacted in the caller's transaction: one commit, not two. */
export async function commitCompaction(
  trx: Transaction<Database>,
  documentName: string,
  state: () => Uint8Array,
): Promise<void> {
  const ref = parseDocumentName(documentName);
  // Taken first, as appends take it (PostgreSQL): the same order everywhere, so no deadlock.
  if (ref?.kind === 'section') await lockSectionHistory(trx, [ref.id]);
  await compactDocumentIn(trx, documentName, state);
  if (ref?.kind === 'section') await compactSectionEdits(trx, ref.id);
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
