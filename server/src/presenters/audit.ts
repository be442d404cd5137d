import type { AuditEventType, AuditEventView } from '@fellesplan/domain';
import type { AuditEventRow } from '../storage/schema.js';

export function presentAuditEvent(
  row: AuditEventRow,
  names: { users: Map<string, string>; parties: Map<string, string>; sections: Map<string, string> },
): AuditEventView {
  return {
    id: Number(row.id),
    seq: row.seq,
    // Only appendAuditEvent writes this column, and it takes nothing but an AuditEventType.
    type: row.type as AuditEventType,
    at: row.at,
    actor: {
      userId: row.actor_user_id,
      name: names.users.get(row.actor_user_id) ?? '',
      partyId: row.actor_party_id,
      partyName: names.parties.get(row.actor_party_id) ?? '',
    },
    sectionId: row.section_id,
    sectionTitle: row.section_id ? (names.sections.get(row.section_id) ?? null) : null,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}
