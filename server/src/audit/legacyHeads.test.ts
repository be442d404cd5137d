import type { AuditVerificationView } from '@fellesplan/domain';
import { expect, it } from 'vitest';
import { api, command, startTestServer, type TestServer } from '../testing/index.js';

const verify = async (server: TestServer, token: string, planId: string) =>
  (await api<AuditVerificationView>(server.url, `/api/plans/${planId}/audit/verify`, { token })).body;

it('[A3] logs from before heads were signed are signed at the first start, never again later', async () => {
  let server = await startTestServer();
  try {
    const comment = async (email: string, sectionId: string) => {
      const token = await server.login(email);
      expect((await command(server.url, token, 'threads.create', { sectionId, body: 'Innspill' })).status).toBe(200);
      return token;
    };
    await comment('kommune@demo.no', server.demo.sectionIds[0] ?? '');
    await comment('kommune@annet.no', server.other.sectionIds[0] ?? '');
    // As a database written before this change: no head carries a signature.
    await server.db.updateTable('plans').set({ audit_head_signature: null }).execute();

    server = await server.restart();
    const demoToken = await server.login('kommune@demo.no');
    expect(await verify(server, demoToken, server.demo.planId)).toMatchObject({
      ok: true,
      signature: { status: 'valid' },
    });

    // Once signing is in use, an unsigned head is a finding, restart or not.
    await server.db
      .updateTable('plans')
      .set({ audit_head_signature: null })
      .where('id', '=', server.demo.planId)
      .execute();
    server = await server.restart();
    expect(await verify(server, await server.login('kommune@demo.no'), server.demo.planId)).toMatchObject({
      ok: false,
      reason: 'signature',
      signature: { status: 'missing' },
    });
  } finally {
    await server.destroy();
  }
});
