import { randomUUID } from 'node:crypto';
import type { Db } from '../storage/database.js';

export interface BulkThreads {
  planId: string;
  sectionId: string;
  authorId: string;
  partyId: string;
  threads: number;
  /** Comments per thread (default 1); each body mentions `mentionPartyId` when given. */
  comments?: number;
  status?: 'open' | 'resolved';
  /** Every comment's text (default `Innspill <n>`). */
  body?: string;
  mentionPartyId?: string;
}

// Rows per INSERT, well under SQLite's bound-variable limit at 11 columns a row.
const CHUNK = 500;

/**
 * Writes threads straight into the database in one transaction, as a flood of commands would
 * leave them but in a fraction of the time. Returns the ids of the threads it created.
 */
export async function insertThreads(db: Db, spec: BulkThreads): Promise<string[]> {
  const at = new Date().toISOString();
  const ids = Array.from({ length: spec.threads }, () => randomUUID());
  await db.transaction().execute(async (trx) => {
    for (let offset = 0; offset < ids.length; offset += CHUNK) {
      const chunk = ids.slice(offset, offset + CHUNK);
      await trx
        .insertInto('threads')
        .values(
          chunk.map((id) => ({
            id,
            plan_id: spec.planId,
            section_id: spec.sectionId,
            anchor_start: null,
            anchor_end: null,
            quote: null,
            status: spec.status ?? 'open',
            created_by: spec.authorId,
            created_at: at,
            resolved_by: null,
            resolved_at: null,
          })),
        )
        .execute();
      const comments = chunk.flatMap((threadId) =>
        Array.from({ length: spec.comments ?? 1 }, (_, n) => ({
          id: randomUUID(),
          thread_id: threadId,
          author_id: spec.authorId,
          party_id: spec.partyId,
          body: spec.body ?? `Innspill ${n + 1}`,
          created_at: at,
          edited_at: null,
          deleted_at: null,
        })),
      );
      for (let start = 0; start < comments.length; start += CHUNK) {
        const rows = comments.slice(start, start + CHUNK);
        await trx.insertInto('comments').values(rows).execute();
        const { mentionPartyId } = spec;
        if (mentionPartyId)
          await trx
            .insertInto('comment_mentions')
            .values(rows.map((c) => ({ comment_id: c.id, kind: 'party', target_id: mentionPartyId })))
            .execute();
      }
    }
  });
  return ids;
}
