import type { AuditEventView, AuditVerificationView, PlanView } from '@fellesplan/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, command, useTestServer, type DemoTokens, type TestServer } from '../testing/index.js';
import { eventHash, GENESIS_HASH } from './chain.js';

/**
 * Attacks on the decision log by someone with write access to the database but not to the
 * server's signing key: every test changes rows behind the server's back and asks it to verify.
 */
let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

const token = (who: string) => tokens[who] ?? '';
const planId = () => server.demo.planId;
const audit = async () =>
  (await api<AuditEventView[]>(server.url, `/api/plans/${planId()}/audit`, { token: token('bruker') })).body;
const verify = async () =>
  (await api<AuditVerificationView>(server.url, `/api/plans/${planId()}/audit/verify`, { token: token('bruker') }))
    .body;

/** Re-hashes the whole chain and moves the head, as a careful attacker with database access would. */
async function rehashChain(): Promise<void> {
  const rows = await server.db
    .selectFrom('audit_events')
    .selectAll()
    .where('plan_id', '=', planId())
    .orderBy('seq')
    .execute();
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const hash = eventHash(prev, row);
    await server.db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute();
    prev = hash;
  }
  await server.db.updateTable('plans').set({ audit_head: prev }).where('id', '=', planId()).execute();
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

let sectionId = '';
let commentId = '';

beforeAll(async () => {
  sectionId = server.demo.sectionIds[4] ?? '';
  const plan = (await api<PlanView>(server.url, `/api/plans/${planId()}`, { token: token('kommune') })).body;
  const revision = plan.sections[4]?.revision;
  for (const who of ['kommune', 'hf', 'fastlege', 'bruker']) {
    await command(server.url, token(who), 'sections.mark', { sectionId, stance: 'agree', revision });
  }
  expect((await command(server.url, token('sekretariat'), 'sections.lock', { sectionId })).status).toBe(200);
  const created = await command(server.url, token('hf'), 'threads.create', {
    sectionId,
    body: 'Vi støtter forslaget.',
  });
  commentId = String(created.body.commentId);
  expect((await verify()).ok).toBe(true);
});

describe('decision log tampering', () => {
  it('[A2] an edited and then deleted comment leaves both texts in the log', async () => {
    const threadId = (await audit()).find((e) => e.type === 'thread.created')?.payload.threadId;
    const reply = await command(server.url, token('fastlege'), 'threads.reply', {
      threadId,
      body: 'Vi er imot forslaget.',
    });
    const replyId = String(reply.body.id);
    await command(server.url, token('fastlege'), 'comments.edit', {
      commentId: replyId,
      body: 'Vi støtter forslaget.',
    });
    await command(server.url, token('fastlege'), 'comments.delete', { commentId: replyId });

    const events = (await audit()).filter((e) => e.payload.commentId === replyId);
    expect(events.map((e) => [e.type, e.payload.previousBody, e.payload.body])).toEqual([
      ['thread.replied', undefined, 'Vi er imot forslaget.'],
      ['comment.edited', 'Vi er imot forslaget.', 'Vi støtter forslaget.'],
      ['comment.deleted', 'Vi støtter forslaget.', undefined],
    ]);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('[A3] a rewritten comment and event with a re-hashed chain and head is detected by the signature', async () => {
    await command(server.url, token('hf'), 'comments.edit', { commentId, body: 'Vi støtter forslaget fullt ut.' });
    const edited = (await audit()).findLast((e) => e.type === 'comment.edited' && e.payload.commentId === commentId);
    if (!edited) throw new Error('no edit event');
    await restoring(
      async () => ({
        events: await server.db.selectFrom('audit_events').selectAll().where('plan_id', '=', planId()).execute(),
        plan: await server.db.selectFrom('plans').selectAll().where('id', '=', planId()).executeTakeFirstOrThrow(),
      }),
      async ({ events, plan }) => {
        for (const row of events) {
          await server.db
            .updateTable('audit_events')
            .set({ payload: row.payload, prev_hash: row.prev_hash, hash: row.hash })
            .where('id', '=', row.id)
            .execute();
        }
        await server.db.updateTable('plans').set({ audit_head: plan.audit_head }).where('id', '=', plan.id).execute();
        await server.db
          .updateTable('comments')
          .set({ body: 'Vi støtter forslaget fullt ut.' })
          .where('id', '=', commentId)
          .execute();
      },
      async () => {
        await server.db
          .updateTable('comments')
          .set({ body: 'Vi er imot forslaget.' })
          .where('id', '=', commentId)
          .execute();
        await server.db
          .updateTable('audit_events')
          .set({ payload: JSON.stringify({ ...edited.payload, body: 'Vi er imot forslaget.' }) })
          .where('id', '=', edited.id)
          .execute();
        await rehashChain();
        const result = await verify();
        expect(result).toMatchObject({ ok: false, reason: 'signature', signature: { status: 'invalid' } });
        expect(result.events).toBeGreaterThan(0);
      },
    );
    expect(await verify()).toMatchObject({ ok: true, signature: { status: 'valid' } });
  });

  it('[A4] a marker row changed directly in the table is detected by replay', async () => {
    const marker = await server.db
      .selectFrom('markers')
      .selectAll()
      .where('section_id', '=', sectionId)
      .where('party_id', '=', server.demo.partyIds.helseforetak ?? '')
      .executeTakeFirstOrThrow();
    const event = (await audit()).find((e) => e.type === 'section.marked' && e.payload.markerId === marker.id);
    await restoring(
      async () => marker.stance,
      async (stance) => {
        await server.db.updateTable('markers').set({ stance }).where('id', '=', marker.id).execute();
      },
      async () => {
        await server.db.updateTable('markers').set({ stance: 'disagree' }).where('id', '=', marker.id).execute();
        expect(await verify()).toMatchObject({
          ok: false,
          reason: 'marker_mismatch',
          brokenAt: event?.id,
          sectionId,
          partyId: server.demo.partyIds.helseforetak,
        });
      },
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('[A4] a marker inserted without an event is detected by replay', async () => {
    const id = 'injected-marker';
    await server.db
      .insertInto('markers')
      .values({
        id,
        section_id: server.demo.sectionIds[0] ?? '',
        party_id: server.demo.partyIds.bruker ?? '',
        user_id: (
          await server.db
            .selectFrom('users')
            .select('id')
            .where('email', '=', 'bruker@demo.no')
            .executeTakeFirstOrThrow()
        ).id,
        stance: 'agree',
        note: null,
        revision: 'x',
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await verify()).toMatchObject({ ok: false, reason: 'marker_mismatch', brokenAt: null });
    await server.db.deleteFrom('markers').where('id', '=', id).execute();
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('[A4] a section unlocked directly in the table is detected by replay', async () => {
    const lockEvent = (await audit()).find((e) => e.type === 'section.locked' && e.sectionId === sectionId);
    await server.db.updateTable('sections').set({ locked: 0 }).where('id', '=', sectionId).execute();
    expect(await verify()).toMatchObject({ ok: false, reason: 'lock_mismatch', brokenAt: lockEvent?.id, sectionId });
    await server.db.updateTable('sections').set({ locked: 1 }).where('id', '=', sectionId).execute();
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('[A4] a comment rewritten directly in the table is detected by replay', async () => {
    const row = await server.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    const lastEvent = (await audit()).findLast((e) => e.payload.commentId === commentId);
    await server.db
      .updateTable('comments')
      .set({ body: 'Vi er imot forslaget.' })
      .where('id', '=', commentId)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      reason: 'comment_mismatch',
      brokenAt: lastEvent?.id,
      sectionId,
      commentId,
    });
    await server.db.updateTable('comments').set({ body: row.body }).where('id', '=', commentId).execute();
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('[A3] the verify answer names the signing key; an unsigned head is not trusted', async () => {
    const result = await verify();
    expect(result.signature.keyFingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    expect(result.signature.keyFingerprint).toBe(server.context.auditSigner.fingerprint);
    await server.db.updateTable('plans').set({ audit_head_signature: null }).where('id', '=', planId()).execute();
    expect(await verify()).toMatchObject({ ok: false, reason: 'signature', signature: { status: 'missing' } });
  });
});
