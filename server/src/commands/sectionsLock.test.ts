import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import {
  afterProcessed,
  appendParagraph,
  command,
  connectProvider,
  storedSectionText,
  useFixture,
  waitFor,
  type FixturePlan,
} from '../testing/index.js';

const f = useFixture();

const sectionView = (plan: FixturePlan, title: string) => plan.sectionView(title, 'kommune');

async function agreeAll(plan: FixturePlan, title: string): Promise<void> {
  const { replies } = await plan.agreeAll(title);
  expect(replies.map((res) => res.status)).toEqual([200, 200, 200, 200]);
  expect((await sectionView(plan, title))?.status).toBe('consensus');
}

const storedText = (sectionId: string) => storedSectionText(f.db, sectionId);

describe('sections.lock and sections.unlock', () => {
  it('[L1] only the sekretariat may lock (403 for everyone else)', async () => {
    const plan = await f.plan();
    const title = 'Kunnskapsgrunnlag og utfordringsbilde';
    await agreeAll(plan, title);
    const sectionId = plan.section(title).id;
    for (const who of ['kommune', 'helseforetak', 'bruker']) {
      const res = await command(f.url, f.token(who), 'sections.lock', { sectionId });
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('sekretariat_only');
    }
    expect((await sectionView(plan, title))?.locked).toBe(false);
  });

  it('[L1] locking needs consensus (409)', async () => {
    const plan = await f.plan();
    const res = await command(f.url, f.token('sekretariat'), 'sections.lock', {
      sectionId: plan.section('Kompetanse og rekruttering').id,
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({
      code: 'not_in_consensus',
      message: 'Seksjonen kan bare låses når alle parter er enige.',
    });
  });

  it('[L1][L2] a lock stops an owner whose connection was opened before it: nothing applied or stored', async () => {
    const plan = await f.plan();
    const title = 'Samarbeidsstruktur og organisering';
    const sectionId = plan.section(title).id;
    const name = plan.section(title).documentName;
    const owner = connectProvider(f.url, f.token('kommune'), name);
    const otherOwner = connectProvider(f.url, f.token('helseforetak'), name);
    await Promise.all([owner.synced(), otherOwner.synced()]);
    expect(await owner.ready).toBe('read-write');
    const scopes: boolean[] = [];
    owner.provider.on('stateless', ({ payload }: { payload: string }) =>
      scopes.push((JSON.parse(payload) as { readOnly: boolean }).readOnly),
    );

    await agreeAll(plan, title);
    const locked = await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId });
    expect(locked.status).toBe(200);
    const view = await sectionView(plan, title);
    expect(view).toMatchObject({ locked: true, status: 'locked' });
    // The client is told its scope changed, so it can stop its editor.
    await waitFor(() => scopes.includes(true));
    const textAtLock = await storedText(sectionId);

    appendParagraph(owner.doc, 'Endring etter låsing.');
    await afterProcessed(owner, otherOwner);
    expect(readTextFromYDoc(otherOwner.doc)).not.toContain('Endring etter låsing.');
    expect(await storedText(sectionId)).toBe(textAtLock);
    expect((await sectionView(plan, title))?.revision).toBe(view?.revision);

    // A new connection is read-only from the start.
    const late = connectProvider(f.url, f.token('helseforetak'), name);
    expect(await late.ready).toBe('read-only');
    late.destroy();

    // [L1] Markers cannot change while locked.
    const mark = await command(f.url, f.token('bruker'), 'sections.mark', {
      sectionId,
      stance: 'disagree',
      note: 'For sent',
    });
    expect(mark.status).toBe(409);
    expect(mark.body.error?.code).toBe('section_locked');
    const again = await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId });
    expect(again.status).toBe(409);

    // Unlock: reason required; then owners can write again on the same connection.
    const noReason = await command(f.url, f.token('sekretariat'), 'sections.unlock', { sectionId });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ code: 'reason_required', field: 'reason' });
    expect((await command(f.url, f.token('kommune'), 'sections.unlock', { sectionId, reason: 'x' })).status).toBe(403);
    const unlocked = await command(f.url, f.token('sekretariat'), 'sections.unlock', {
      sectionId,
      reason: 'Ny statistikk må inn',
    });
    expect(unlocked.status).toBe(200);
    expect(await sectionView(plan, title)).toMatchObject({ locked: false, status: 'consensus' });
    await waitFor(() => scopes.at(-1) === false);

    // The refused edit is still only in the crafted client's copy; a fresh edit goes through
    // and turns every marker stale (C2).
    owner.destroy();
    const fresh = connectProvider(f.url, f.token('kommune'), name);
    await fresh.synced();
    appendParagraph(fresh.doc, 'Ny statistikk fra SSB.');
    await waitFor(async () => (await sectionView(plan, title))?.status === 'draft');
    const after = await sectionView(plan, title);
    expect(after?.markers.every((m) => m.stale)).toBe(true);
    expect(await storedText(sectionId)).toContain('Ny statistikk fra SSB.');
    expect(await storedText(sectionId)).not.toContain('Endring etter låsing.');
    fresh.destroy();
    otherOwner.destroy();
    expect(
      (await command(f.url, f.token('sekretariat'), 'sections.unlock', { sectionId, reason: 'igjen' })).status,
    ).toBe(409);
  });

  it('[L2] a client that comes back to a locked section with edits of its own is told they are refused', async () => {
    const plan = await f.plan();
    const title = 'Samarbeidsstruktur og organisering';
    const { id: sectionId, documentName } = plan.section(title);
    const owner = connectProvider(f.url, f.token('kommune'), documentName);
    await owner.synced();
    const told: boolean[] = [];
    owner.provider.on('stateless', ({ payload }: { payload: string }) =>
      told.push((JSON.parse(payload) as { readOnly: boolean }).readOnly),
    );
    // Typed while the connection was down; meanwhile the section is locked.
    const socket = owner.provider.configuration.websocketProvider;
    socket.disconnect();
    await waitFor(() => !owner.provider.isSynced);
    appendParagraph(owner.doc, 'Skrive utan nett.');
    await agreeAll(plan, title);
    expect((await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId })).status).toBe(200);

    const scopes: string[] = [];
    owner.provider.on('authenticated', ({ scope }: { scope: string }) => scopes.push(scope));
    void socket.connect();
    // The scope is decided at authentication, so no lock reaches this connection: without being
    // told, the client would keep showing text nobody else has.
    await waitFor(() => told.includes(true));
    expect(scopes).toEqual(['readonly']);
    expect(await storedText(sectionId)).not.toContain('Skrive utan nett.');
    owner.destroy();
  });
});
