import type { Logger } from 'pino';
import type { Db } from '../storage/database.js';
import type { AuditHeadSigner } from './headSigner.js';

/**
 * Signs the heads of logs written before heads were signed, once: only while no plan carries a
 * signature yet (the first start after upgrading). Later, an unsigned head is a finding for
 * verification, never something a restart quietly blesses.
 */
export async function signLegacyHeads(db: Db, signer: AuditHeadSigner, logger: Logger): Promise<void> {
  const signed = await db
    .selectFrom('plans')
    .select('id')
    .where('audit_head_signature', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (signed) return;
  const unsigned = await db
    .selectFrom('plans')
    .select(['id', 'audit_seq', 'audit_head'])
    .where('audit_seq', '>', 0)
    .execute();
  for (const plan of unsigned) {
    const signature = signer.sign({ planId: plan.id, seq: plan.audit_seq, head: plan.audit_head });
    await db
      .updateTable('plans')
      .set({ audit_head_signature: signature })
      .where('id', '=', plan.id)
      .where('audit_head', '=', plan.audit_head)
      .execute();
    logger.warn({ planId: plan.id, events: plan.audit_seq }, 'signed a decision log head written before signing');
  }
}
