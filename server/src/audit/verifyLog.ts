import type { AuditSignatureView, AuditVerificationView } from '@fellesplan/domain';
import type { Db } from '../storage/database.js';
import { GENESIS_HASH, verifyChain } from './chain.js';
import type { AuditHeadSigner } from './headSigner.js';
import { compareWithTables, replayLog } from './replay.js';

/**
 * Verifies a plan's decision log three ways: the hash chain links every event to the one before
 * (A1), the head carries this server's signature (A3), and replaying the log gives exactly the
 * markers, locks and comment texts the tables hold (A4). The first failure is reported.
 */
export async function verifyAuditLog(db: Db, signer: AuditHeadSigner, planId: string): Promise<AuditVerificationView> {
  const events = await db.selectFrom('audit_events').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
  const plan = await db
    .selectFrom('plans')
    .select(['audit_seq', 'audit_head', 'audit_head_signature'])
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();

  const signature: AuditSignatureView = {
    status: signatureStatus(signer, planId, plan),
    keyFingerprint: signer.fingerprint,
    publicKey: signer.publicKey,
  };
  const failed = (failure: Omit<Extract<AuditVerificationView, { ok: false }>, 'ok' | 'events' | 'signature'>) =>
    ({ ok: false, events: events.length, ...failure, signature }) as const;

  const chain = verifyChain(events, plan.audit_head);
  if (!chain.ok) return failed({ brokenAt: chain.brokenAt, reason: 'chain' });
  if (signature.status === 'invalid' || signature.status === 'missing') {
    return failed({ brokenAt: events.at(-1)?.id ?? null, reason: 'signature' });
  }

  const sections = await db.selectFrom('sections').select(['id', 'locked']).where('plan_id', '=', planId).execute();
  const markers = await db
    .selectFrom('markers')
    .innerJoin('sections', 'sections.id', 'markers.section_id')
    .select([
      'markers.id',
      'markers.section_id',
      'markers.party_id',
      'markers.user_id',
      'markers.stance',
      'markers.note',
      'markers.revision',
      'markers.created_at',
    ])
    .where('sections.plan_id', '=', planId)
    .execute();
  const comments = await db
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .select(['comments.id', 'threads.section_id', 'comments.body', 'comments.deleted_at'])
    .where('threads.plan_id', '=', planId)
    .execute();
  const mismatch = compareWithTables(replayLog(events), sections, markers, comments);
  if (mismatch) return failed(mismatch);
  return { ok: true, events: events.length, signature };
}

function signatureStatus(
  signer: AuditHeadSigner,
  planId: string,
  plan: { audit_seq: number; audit_head: string; audit_head_signature: string | null },
): AuditSignatureView['status'] {
  if (plan.audit_seq === 0 && (plan.audit_head === '' || plan.audit_head === GENESIS_HASH)) return 'empty';
  if (!plan.audit_head_signature) return 'missing';
  const head = { planId, seq: plan.audit_seq, head: plan.audit_head };
  return signer.verify(head, plan.audit_head_signature) ? 'valid' : 'invalid';
}
