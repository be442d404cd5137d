import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../database.js';
import { latestMarkersBySection } from '../repositories/markers.js';
import { stillUnlocked } from '../repositories/plans.js';
import { ADAPTERS, gate, seedContractPlan, useContractStore, type ContractPlan } from './contractStore.js';

const AT = '2026-03-01T10:00:00.000Z';
const LATER = '2026-03-01T10:00:00.001Z';

async function storeMarker(
  db: Db,
  plan: ContractPlan,
  marker: { id?: string; section: string; party: string; stance: string; at: string },
): Promise<string> {
  const id = marker.id ?? randomUUID();
  await db
    .insertInto('markers')
    .values({
      id,
      section_id: plan.section(marker.section),
      party_id: plan.party(marker.party),
      user_id: plan.userOf(marker.party),
      stance: marker.stance,
      note: null,
      revision: 'r1',
      created_at: marker.at,
    })
    .execute();
  return id;
}

describe.each(ADAPTERS)('consensus markers on %s', (adapter) => {
  const store = useContractStore(adapter);

  it('[C1] the latest marker per party counts, section by section', async () => {
    const { db } = store();
    const plan = await seedContractPlan(db);
    await storeMarker(db, plan, { section: 'Innledning', party: 'Kontrakt kommune', stance: 'disagree', at: AT });
    await storeMarker(db, plan, { section: 'Innledning', party: 'Kontrakt kommune', stance: 'agree', at: LATER });
    await storeMarker(db, plan, { section: 'Innledning', party: 'Kontrakt HF', stance: 'abstain', at: AT });
    await storeMarker(db, plan, { section: 'Mål', party: 'Kontrakt kommune', stance: 'reservation', at: AT });

    const latest = await latestMarkersBySection(db, [plan.section('Innledning'), plan.section('Mål')]);
    const stances = (section: string) =>
      Object.fromEntries((latest.get(plan.section(section)) ?? []).map((m) => [m.partyId, m.stance]));
    expect(stances('Innledning')).toEqual({
      [plan.party('Kontrakt kommune')]: 'agree',
      [plan.party('Kontrakt HF')]: 'abstain',
    });
    expect(stances('Mål')).toEqual({ [plan.party('Kontrakt kommune')]: 'reservation' });
    expect(latest.get(plan.section('Innledning'))?.find((m) => m.stance === 'agree')).toMatchObject({
      userName: 'Kari Kommune',
      at: LATER,
    });
  });

  it('[C1][ST4] of two markers one party set in the same millisecond, the one stored last counts', async () => {
    const { db } = store();
    const plan = await seedContractPlan(db);
    // Ids in the opposite order of storing, so neither id nor chance can pass for storage order.
    const first = await storeMarker(db, plan, {
      id: `ffffffff-${randomUUID().slice(9)}`,
      section: 'Innledning',
      party: 'Kontrakt kommune',
      stance: 'disagree',
      at: AT,
    });
    await storeMarker(db, plan, {
      id: `00000000-${randomUUID().slice(9)}`,
      section: 'Innledning',
      party: 'Kontrakt kommune',
      stance: 'agree',
      at: AT,
    });
    // A row rewritten in place (a repair, a restore) gets a new place in PostgreSQL's heap and
    // index, behind the newer marker: neither is storage order.
    for (const at of [LATER, AT])
      await db.updateTable('markers').set({ created_at: at }).where('id', '=', first).execute();

    const latest = await latestMarkersBySection(db, [plan.section('Innledning')]);
    expect(latest.get(plan.section('Innledning'))?.map((m) => m.stance)).toEqual(['agree']);
  });

  it('[L1][ST3] checking the lock in a transaction waits for a lock being committed, then sees it', async () => {
    const { db, lockWaited } = store();
    const plan = await seedContractPlan(db);
    const sectionId = plan.section('Mål');
    const commitLock = gate();
    const lockWritten = gate();
    const locking = db.transaction().execute(async (trx) => {
      await trx.updateTable('sections').set({ locked: 1 }).where('id', '=', sectionId).execute();
      lockWritten.open();
      await commitLock.opened;
    });
    await lockWritten.opened;
    const marking = db.transaction().execute((trx) => stillUnlocked(trx, sectionId));
    await lockWaited().finally(() => commitLock.open());
    await locking;
    expect(await marking).toBe(false);
  });
});
