import type { AuditEventView, AuditVerificationView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, command, useFixture, type FixturePlan } from '../testing/index.js';
import { eventHash, GENESIS_HASH } from './chain.js';

/**
 * Attacks on the decision log by someone with write access to the database but not to the
 * server's signing key: every test changes rows behind the server's back and asks it to verify.
 */
const f = useFixture();

const audit = async (plan: FixturePlan) =>
  (await api<AuditEventView[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('bruker') })).body;
const verify = async (plan: FixturePlan) =>
  (await api<AuditVerificationView>(f.url, `/api/plans/${plan.id}/audit/verify`, { token: f.token('bruker') })).body;

/** Re-hashes the whole chain and moves the head, as a careful attacker with database access would. */
async function rehashChain(plan: FixturePlan): Promise<void> {
  const rows = await f.db
    .selectFrom('audit_events')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('seq')
    .execute();
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const hash = eventHash(prev, row);
    await f.db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute();
    prev = hash;
  }
  await f.db.updateTable('plans').set({ audit_head: prev }).where('id', '=', plan.id).execute();
}

/** Runs `tamper`, expects verification to catch it, then restores the rows it names. */
async function restoring<T>(
  snapshot: () => Promise<T>,
  restore: (saved: T) => Promise<void>,
  test: () => Promise<void>,
) {
  const saved = await snapshot();
  try {
    await test();
  } finally {
    await restore(saved);
  }
}

/** A plan of the test's own: all four agree on «Barn og unge», the sekretariat locks it, HF comments. */
async function lockedPlanWithComment() {
  const plan = await f.plan();
  const sectionId = plan.section('Barn og unge').id;
  await plan.agreeAll('Barn og unge');
  expect((await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId })).status).toBe(200);
  const created = await command(f.url, f.token('helseforetak'), 'threads.create', {
    sectionId,
    body: 'Vi støtter forslaget.',
  });
  const commentId = String(created.body.commentId);
  expect((await verify(plan)).ok).toBe(true);
  return { plan, sectionId, commentId };
}

describe('decision log tampering', () => {
  it('[A2] an edited and then deleted comment leaves both texts in the log', async () => {
    const { plan } = await lockedPlanWithComment();
    const threadId = (await audit(plan)).find((e) => e.type === 'thread.created')?.payload.threadId;
    const reply = await command(f.url, f.token('fastlege'), 'threads.reply', {
      threadId,
      body: 'Vi er imot forslaget.',
    });
    const replyId = String(reply.body.id);
    await command(f.url, f.token('fastlege'), 'comments.edit', {
      commentId: replyId,
      body: 'Vi støtter forslaget.',
    });
    await command(f.url, f.token('fastlege'), 'comments.delete', { commentId: replyId });

    const events = (await audit(plan)).filter((e) => e.payload.commentId === replyId);
    expect(events.map((e) => [e.type, e.payload.previousBody, e.payload.body])).toEqual([
      ['thread.replied', undefined, 'Vi er imot forslaget.'],
      ['comment.edited', 'Vi er imot forslaget.', 'Vi støtter forslaget.'],
      ['comment.deleted', 'Vi støtter forslaget.', undefined],
    ]);
    expect(await verify(plan)).toMatchObject({ ok: true });
  });

  it('[A3] a rewritten comment and event with a re-hashed chain and head is detected by the signature', async () => {
    const { plan, commentId } = await lockedPlanWithComment();
    await command(f.url, f.token('helseforetak'), 'comments.edit', {
      commentId,
      body: 'Vi støtter forslaget fullt ut.',
    });
    const edited = (await audit(plan)).findLast(
      (e) => e.type === 'comment.edited' && e.payload.commentId === commentId,
    );
    if (!edited) throw new Error('no edit event');
    await restoring(
      async () => ({
        events: await f.db.selectFrom('audit_events').selectAll().where('plan_id', '=', plan.id).execute(),
        plan: await f.db.selectFrom('plans').selectAll().where('id', '=', plan.id).executeTakeFirstOrThrow(),
      }),
      async ({ events, plan }) => {
        for (const row of events) {
          await f.db
            .updateTable('audit_events')
            .set({ payload: row.payload, prev_hash: row.prev_hash, hash: row.hash })
            .where('id', '=', row.id)
            .execute();
        }
        await f.db.updateTable('plans').set({ audit_head: plan.audit_head }).where('id', '=', plan.id).execute();
        await f.db
          .updateTable('comments')
          .set({ body: 'Vi støtter forslaget fullt ut.' })
          .where('id', '=', commentId)
          .execute();
      },
      async () => {
        await f.db.updateTable('comments').set({ body: 'Vi er imot forslaget.' }).where('id', '=', commentId).execute();
        await f.db
          .updateTable('audit_events')
          .set({ payload: JSON.stringify({ ...edited.payload, body: 'Vi er imot forslaget.' }) })
          .where('id', '=', edited.id)
          .execute();
        await rehashChain(plan);
        const result = await verify(plan);
        expect(result).toMatchObject({ ok: false, reason: 'signature', signature: { status: 'invalid' } });
        expect(result.events).toBeGreaterThan(0);
      },
    );
    expect(await verify(plan)).toMatchObject({ ok: true, signature: { status: 'valid' } });
  });

  it('[A4] a marker row changed directly in the table is detected by replay', async () => {
    const { plan, sectionId } = await lockedPlanWithComment();
    const marker = await f.db
      .selectFrom('markers')
      .selectAll()
      .where('section_id', '=', sectionId)
      .where('party_id', '=', f.party('helseforetak'))
      .executeTakeFirstOrThrow();
    const event = (await audit(plan)).find((e) => e.type === 'section.marked' && e.payload.markerId === marker.id);
    await restoring(
      async () => marker.stance,
      async (stance) => {
        await f.db.updateTable('markers').set({ stance }).where('id', '=', marker.id).execute();
      },
      async () => {
        await f.db.updateTable('markers').set({ stance: 'disagree' }).where('id', '=', marker.id).execute();
        expect(await verify(plan)).toMatchObject({
          ok: false,
          reason: 'marker_mismatch',
          brokenAt: event?.id,
          sectionId,
          partyId: f.party('helseforetak'),
        });
      },
    );
    expect(await verify(plan)).toMatchObject({ ok: true });
  });

  it('[A4] a marker inserted without an event is detected by replay', async () => {
    const { plan } = await lockedPlanWithComment();
    const id = 'injected-marker';
    await f.db
      .insertInto('markers')
      .values({
        id,
        section_id: plan.section('Innledning og mandat').id,
        party_id: f.party('bruker'),
        user_id: f.user('bruker').id,
        stance: 'agree',
        note: null,
        revision: 'x',
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await verify(plan)).toMatchObject({ ok: false, reason: 'marker_mismatch', brokenAt: null });
    await f.db.deleteFrom('markers').where('id', '=', id).execute();
    expect(await verify(plan)).toMatchObject({ ok: true });
  });

  it('[A4] a section unlocked directly in the table is detected by replay', async () => {
    const { plan, sectionId } = await lockedPlanWithComment();
    const lockEvent = (await audit(plan)).find((e) => e.type === 'section.locked' && e.sectionId === sectionId);
    await f.db.updateTable('sections').set({ locked: 0 }).where('id', '=', sectionId).execute();
    expect(await verify(plan)).toMatchObject({
      ok: false,
      reason: 'lock_mismatch',
      brokenAt: lockEvent?.id,
      sectionId,
    });
    await f.db.updateTable('sections').set({ locked: 1 }).where('id', '=', sectionId).execute();
    expect(await verify(plan)).toMatchObject({ ok: true });
  });

  it('[A4] a comment rewritten directly in the table is detected by replay', async () => {
    const { plan, sectionId, commentId } = await lockedPlanWithComment();
    const row = await f.db.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirstOrThrow();
    const lastEvent = (await audit(plan)).findLast((e) => e.payload.commentId === commentId);
    await f.db.updateTable('comments').set({ body: 'Vi er imot forslaget.' }).where('id', '=', commentId).execute();
    expect(await verify(plan)).toMatchObject({
      ok: false,
      reason: 'comment_mismatch',
      brokenAt: lastEvent?.id,
      sectionId,
      commentId,
    });
    await f.db.updateTable('comments').set({ body: row.body }).where('id', '=', commentId).execute();
    expect(await verify(plan)).toMatchObject({ ok: true });
  });

  it('[A3] the verify answer names the signing key; an unsigned head is not trusted', async () => {
    const { plan } = await lockedPlanWithComment();
    const result = await verify(plan);
    expect(result.signature.keyFingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    expect(result.signature.keyFingerprint).toBe(f.server.context.auditSigner.fingerprint);
    await f.db.updateTable('plans').set({ audit_head_signature: null }).where('id', '=', plan.id).execute();
    expect(await verify(plan)).toMatchObject({ ok: false, reason: 'signature', signature: { status: 'missing' } });
  });
});
