import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../audit/appendEvent.js';
import { verifyChain } from '../../audit/chain.js';
import { AuditHeadSigner } from '../../audit/headSigner.js';
import type { Db } from '../database.js';
import { ADAPTERS, gate, seedContractPlan, useContractStore, type ContractPlan } from './contractStore.js';

const signer = new AuditHeadSigner({ ...generateKeyPairSync('ed25519'), source: 'created' });

/** One `sections.unlock`-style event appended in its own transaction; `hold` keeps it open. */
function appendEvent(db: Db, plan: ContractPlan, n: number, hold?: { written(): void; until: Promise<void> }) {
  return db.transaction().execute(async (trx) => {
    const event = await appendAuditEvent(
      trx,
      {
        planId: plan.planId,
        actor: { userId: plan.userOf('Sekretariatet'), partyId: plan.party('Sekretariatet'), name: '', email: '' },
        type: 'section.unlocked',
        sectionId: plan.section('Innledning'),
        payload: { reason: `Grunn ${n}` },
        at: new Date().toISOString(),
      },
      signer,
    );
    hold?.written();
    await hold?.until;
    return event;
  });
}

async function chainOf(db: Db, plan: ContractPlan) {
  const events = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('plan_id', '=', plan.planId)
    .orderBy('seq')
    .execute();
  const head = await db
    .selectFrom('plans')
    .select(['audit_seq', 'audit_head', 'audit_head_signature'])
    .where('id', '=', plan.planId)
    .executeTakeFirstOrThrow();
  return { events, head };
}

describe.each(ADAPTERS)('decision log on %s', (adapter) => {
  const store = useContractStore(adapter);

  it('[A1] each event links to the one before; the plan row holds the signed head', async () => {
    const { db } = store();
    const plan = await seedContractPlan(db);
    const other = await seedContractPlan(db, 'En annen plan');
    const appended = [];
    for (let n = 1; n <= 3; n++) appended.push(await appendEvent(db, plan, n));
    await appendEvent(db, other, 1);

    const { events, head } = await chainOf(db, plan);
    expect(appended.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events.map((e) => e.id)).toEqual(appended.map((e) => e.id));
    for (const event of events) expect(typeof event.id).toBe('number');
    expect(events.map((e) => JSON.parse(e.payload) as unknown)).toEqual(
      [1, 2, 3].map((n) => ({ reason: `Grunn ${n}` })),
    );
    expect(verifyChain(events, head.audit_head)).toEqual({ ok: true, events: 3 });
    expect(head.audit_seq).toBe(3);
    expect(signer.verify({ planId: plan.planId, seq: 3, head: head.audit_head }, head.audit_head_signature ?? '')).toBe(
      true,
    );
    expect((await chainOf(db, other)).events).toHaveLength(1);
  });

  it('[A1][ST3] an append waits for one being committed and continues its chain', async () => {
    const { db, lockWaited } = store();
    const plan = await seedContractPlan(db);
    const commitFirst = gate();
    const firstWritten = gate();
    const first = appendEvent(db, plan, 1, { written: firstWritten.open, until: commitFirst.opened });
    await firstWritten.opened;
    const second = appendEvent(db, plan, 2);
    await lockWaited().finally(() => commitFirst.open());

    expect((await first).seq).toBe(1);
    expect((await second).seq).toBe(2);
    const { events, head } = await chainOf(db, plan);
    expect(events[1]?.prev_hash).toBe(events[0]?.hash);
    expect(verifyChain(events, head.audit_head)).toEqual({ ok: true, events: 2 });
  });

  it('[A1][ST3] appends from many transactions and connections at once form one unbroken chain', async () => {
    const { db, connect } = store();
    const other = await connect();
    const plan = await seedContractPlan(db);
    // SQLite's connections wait for each other's write lock in a busy loop that stops the event
    // loop; one server holds one connection, so there the transactions share it.
    const peer = adapter === 'postgres' ? other : db;
    await Promise.all(Array.from({ length: 30 }, (_, n) => appendEvent(n % 2 ? db : peer, plan, n)));
    const { events, head } = await chainOf(db, plan);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, n) => n + 1));
    expect(verifyChain(events, head.audit_head)).toEqual({ ok: true, events: 30 });
    expect(head.audit_seq).toBe(30);
  });
});
