import type { AuditVerificationView } from '@fellesplan/domain';
import { expect, it } from 'vitest';
import { api, command, useFixture } from '../testing/index.js';

const f = useFixture();

const verify = async (token: string, planId: string) =>
  (await api<AuditVerificationView>(f.url, `/api/plans/${planId}/audit/verify`, { token })).body;

it('[A3] logs from before heads were signed are signed at the first start, never again later', async () => {
  const comment = async (token: string, sectionId: string) => {
    expect((await command(f.url, token, 'threads.create', { sectionId, body: 'Innspill' })).status).toBe(200);
  };
  await comment(f.token('kommune'), f.section('Innledning og mandat').id);
  await comment(f.other.token('kommune'), f.other.section('Innledning').id);
  // As a database written before this change: no head carries a signature.
  await f.db.updateTable('plans').set({ audit_head_signature: null }).execute();

  await f.restart();
  const planId = f.demo.plan.id;
  expect(await verify(f.token('kommune'), planId)).toMatchObject({
    ok: true,
    signature: { status: 'valid' },
  });

  // Once signing is in use, an unsigned head is a finding, restart or not.
  await f.db.updateTable('plans').set({ audit_head_signature: null }).where('id', '=', planId).execute();
  await f.restart();
  expect(await verify(f.token('kommune'), planId)).toMatchObject({
    ok: false,
    reason: 'signature',
    signature: { status: 'missing' },
  });
});
