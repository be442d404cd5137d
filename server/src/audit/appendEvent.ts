import { canonicalJson, type AuditEventType } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { SessionUser } from '../auth/sessions.js';
import type { Database } from '../storage/schema.js';
import { eventHash, GENESIS_HASH } from './chain.js';
import type { AuditHeadSigner } from './headSigner.js';

/**
 * Appends an audit event inside the command's transaction (A1). The plan row's head is
 * updated first: that write locks the row, so concurrent appends to one plan queue up (on
 * PostgreSQL the UPDATE waits for the other transaction and returns the head it committed;
 * reading the head with a plain SELECT first would fork the chain). The new
 * head is signed with the server's key in the same transaction, so head and signature move together.
 */
export async function appendAuditEvent(
  trx: Transaction<Database>,
  event: {
    planId: string;
    actor: Pick<SessionUser, 'userId' | 'partyId'> & Partial<SessionUser>;
    type: AuditEventType;
    sectionId: string | null;
    payload: Record<string, unknown>;
    at: string;
  },
  signer: AuditHeadSigner,
): Promise<{ id: number; seq: number }> {
  const plan = await trx
    .updateTable('plans')
    .set((eb) => ({ audit_seq: eb('audit_seq', '+', 1) }))
    .where('id', '=', event.planId)
    .returning(['audit_seq', 'audit_head'])
    .executeTakeFirstOrThrow();
  const prevHash = plan.audit_head || GENESIS_HASH;
  const row = {
    plan_id: event.planId,
    seq: plan.audit_seq,
    type: event.type,
    actor_user_id: event.actor.userId,
    actor_party_id: event.actor.partyId,
    section_id: event.sectionId,
    payload: canonicalJson(event.payload),
    at: event.at,
    prev_hash: prevHash,
  };
  const hash = eventHash(prevHash, row);
  const inserted = await trx
    .insertInto('audit_events')
    .values({ ...row, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  const signature = signer.sign({ planId: event.planId, seq: plan.audit_seq, head: hash });
  await trx
    .updateTable('plans')
    .set({ audit_head: hash, audit_head_signature: signature })
    .where('id', '=', event.planId)
    .execute();
  return { id: Number(inserted.id), seq: plan.audit_seq };
}
