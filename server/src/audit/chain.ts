import { createHash } from 'node:crypto';
import { canonicalJson } from '@fellesplan/domain';
import type { AuditEventRow } from '../storage/schema.js';

export const GENESIS_HASH = '0'.repeat(64);

type Hashed = Pick<
  AuditEventRow,
  'plan_id' | 'seq' | 'type' | 'actor_user_id' | 'actor_party_id' | 'section_id' | 'payload' | 'at'
>;

/**
 * [A1] hash = SHA-256(previous hash + canonical JSON of the event). Every field that tells what
 * happened is inside, so changing any of them (or deleting or reordering events) breaks the chain.
 */
export function eventHash(prevHash: string, event: Hashed): string {
  const body = canonicalJson({
    planId: event.plan_id,
    seq: event.seq,
    type: event.type,
    actorUserId: event.actor_user_id,
    actorPartyId: event.actor_party_id,
    sectionId: event.section_id,
    payload: JSON.parse(event.payload) as unknown,
    at: event.at,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

export type ChainVerification = { ok: true; events: number } | { ok: false; brokenAt: number };

/** Walks a plan's events in order and reports the first whose link does not hold. */
export function verifyChain(events: readonly AuditEventRow[], head: string): ChainVerification {
  let prev = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1 || event.prev_hash !== prev || eventHash(prev, event) !== event.hash) {
      return { ok: false, brokenAt: event.id };
    }
    prev = event.hash;
  }
  // The plan row remembers the head, so deleting the newest events is noticed too.
  if (events.length > 0 && head !== prev) return { ok: false, brokenAt: events[events.length - 1]?.id ?? 0 };
  if (events.length === 0 && head !== '' && head !== GENESIS_HASH) return { ok: false, brokenAt: 0 };
  return { ok: true, events: events.length };
}
