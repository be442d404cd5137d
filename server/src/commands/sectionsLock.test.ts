import type { PlanView } from '@fellesplan/domain';
import { sectionDocumentName } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import {
  afterProcessed,
  api,
  appendParagraph,
  command,
  connectProvider,
  useTestServer,
  waitFor,
  type DemoTokens,
  type TestServer,
  storedSectionText,
} from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

const token = (who: string) => tokens[who] ?? '';
const sectionView = async (index: number) =>
  (await api<PlanView>(server.url, `/api/plans/${server.demo.planId}`, { token: token('kommune') })).body.sections[
    index
  ];

async function agreeAll(index: number): Promise<void> {
  const sectionId = server.demo.sectionIds[index] ?? '';
  const revision = (await sectionView(index))?.revision;
  for (const who of ['kommune', 'hf', 'fastlege', 'bruker']) {
    const res = await command(server.url, token(who), 'sections.mark', { sectionId, stance: 'agree', revision });
    expect(res.status).toBe(200);
  }
  expect((await sectionView(index))?.status).toBe('consensus');
}

const storedText = (sectionId: string) => storedSectionText(server.db, sectionId);

describe('sections.lock and sections.unlock', () => {
  it('[L1] only the sekretariat may lock (403 for everyone else)', async () => {
    await agreeAll(2);
    const sectionId = server.demo.sectionIds[2] ?? '';
    for (const who of ['kommune', 'hf', 'bruker']) {
      const res = await command(server.url, token(who), 'sections.lock', { sectionId });
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('sekretariat_only');
    }
    expect((await sectionView(2))?.locked).toBe(false);
  });

  it('[L1] locking needs consensus (409)', async () => {
    const res = await command(server.url, token('sekretariat'), 'sections.lock', {
      sectionId: server.demo.sectionIds[10],
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({
      code: 'not_in_consensus',
      message: 'Seksjonen kan bare låses når alle parter er enige.',
    });
  });

  it('[L1][L2] a lock stops an owner whose connection was opened before it: nothing applied or stored', async () => {
    const sectionId = server.demo.sectionIds[3] ?? '';
    const name = sectionDocumentName(sectionId);
    const owner = connectProvider(server.url, token('kommune'), name);
    const otherOwner = connectProvider(server.url, token('hf'), name);
    await Promise.all([owner.synced(), otherOwner.synced()]);
    expect(await owner.ready).toBe('read-write');
    const scopes: boolean[] = [];
    owner.provider.on('stateless', ({ payload }: { payload: string }) =>
      scopes.push((JSON.parse(payload) as { readOnly: boolean }).readOnly),
    );

    await agreeAll(3);
    const locked = await command(server.url, token('sekretariat'), 'sections.lock', { sectionId });
    expect(locked.status).toBe(200);
    const view = await sectionView(3);
    expect(view).toMatchObject({ locked: true, status: 'locked' });
    // The client is told its scope changed, so it can stop its editor.
    await waitFor(() => scopes.includes(true));
    const textAtLock = await storedText(sectionId);

    appendParagraph(owner.doc, 'Endring etter låsing.');
    await afterProcessed(owner, otherOwner);
    expect(readTextFromYDoc(otherOwner.doc)).not.toContain('Endring etter låsing.');
    expect(await storedText(sectionId)).toBe(textAtLock);
    expect((await sectionView(3))?.revision).toBe(view?.revision);

    // A new connection is read-only from the start.
    const late = connectProvider(server.url, token('hf'), name);
    expect(await late.ready).toBe('read-only');
    late.destroy();

    // [L1] Markers cannot change while locked.
    const mark = await command(server.url, token('bruker'), 'sections.mark', {
      sectionId,
      stance: 'disagree',
      note: 'For sent',
    });
    expect(mark.status).toBe(409);
    expect(mark.body.error?.code).toBe('section_locked');
    const again = await command(server.url, token('sekretariat'), 'sections.lock', { sectionId });
    expect(again.status).toBe(409);

    // Unlock: reason required; then owners can write again on the same connection.
    const noReason = await command(server.url, token('sekretariat'), 'sections.unlock', { sectionId });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ code: 'reason_required', field: 'reason' });
    expect((await command(server.url, token('kommune'), 'sections.unlock', { sectionId, reason: 'x' })).status).toBe(
      403,
    );
    const unlocked = await command(server.url, token('sekretariat'), 'sections.unlock', {
      sectionId,
      reason: 'Ny statistikk må inn',
    });
    expect(unlocked.status).toBe(200);
    expect(await sectionView(3)).toMatchObject({ locked: false, status: 'consensus' });
    await waitFor(() => scopes.at(-1) === false);

    // The refused edit is still only in the crafted client's copy; a fresh edit goes through
    // and turns every marker stale (C2).
    owner.destroy();
    const fresh = connectProvider(server.url, token('kommune'), name);
    await fresh.synced();
    appendParagraph(fresh.doc, 'Ny statistikk fra SSB.');
    await waitFor(async () => (await sectionView(3))?.status === 'draft');
    const after = await sectionView(3);
    expect(after?.markers.every((m) => m.stale)).toBe(true);
    expect(await storedText(sectionId)).toContain('Ny statistikk fra SSB.');
    expect(await storedText(sectionId)).not.toContain('Endring etter låsing.');
    fresh.destroy();
    otherOwner.destroy();
    expect(
      (await command(server.url, token('sekretariat'), 'sections.unlock', { sectionId, reason: 'igjen' })).status,
    ).toBe(409);
  });
});
