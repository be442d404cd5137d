import { sectionDocumentName, type PlanView } from '@fellesplan/domain';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { api, connectProvider, demoLogin, spawnCluster } from '../testing/index.js';

// Adversary round 10: an instance leaves while the database cannot answer the others' catch-up
// (a restart, a saturated pool). The catch-up fails; the instances that stay must not.
const clustered = Boolean(process.env.DATABASE_URL);

describe.skipIf(!clustered)('adversary 10: an instance leaves while the catch-up cannot read', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('the instance that stays survives a catch-up that fails, and serves on', async () => {
    const cluster = await spawnCluster(2);
    cleanups.push(() => cluster.close());
    const a = cluster.instances[0]?.url ?? '';
    const hf = await demoLogin(a, 'hf@demo.no');
    const plans = await api<{ id: string }[]>(a, '/api/plans', { token: hf.token });
    const plan = (await api<PlanView>(a, `/api/plans/${plans.body[0]?.id}`, { token: hf.token })).body;
    const section = plan.sections[0];
    if (!section) throw new Error('no section');
    const client = connectProvider(a, hf.token, sectionDocumentName(section.id));
    cleanups.push(async () => client.destroy());
    await client.synced(15_000);
    // Stands in for a database that cannot answer: the catch-up's query fails. Put back after.
    const db = new pg.Client({ connectionString: cluster.database.url ?? '' });
    await db.connect();
    cleanups.push(() => db.end());
    await db.query('ALTER TABLE document_updates RENAME TO document_updates_away');
    await cluster.instances[1]?.kill();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await db.query('ALTER TABLE document_updates_away RENAME TO document_updates');
    expect(cluster.instances[0]?.output()).toContain('could not catch up after an instance left');
    const health = await api<{ status: string }>(a, '/api/health');
    expect(health.status).toBe(200);
  }, 60_000);
});
