import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import {
  afterProcessed,
  api,
  appendParagraph,
  connectProvider,
  waitFor,
  storedDocument,
  useFixture,
} from '../testing/index.js';

const f = useFixture();

const SECTION = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by kommune and HF

const storedText = async (documentName: string) => readTextFromYDoc(await storedDocument(f.db, documentName));

describe('section ownership over the wire', () => {
  it("[O1] an owner's edit is stored and reaches a second owner", async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName: name } = plan.section(SECTION);
    const kommune = connectProvider(f.url, f.token('kommune'), name);
    const hf = connectProvider(f.url, f.token('helseforetak'), name);
    await Promise.all([kommune.synced(), hf.synced()]);

    appendParagraph(kommune.doc, 'Kommunen foreslår felles kompetansepool.');
    await waitFor(() => readTextFromYDoc(hf.doc).includes('Kommunen foreslår felles kompetansepool.'));
    await waitFor(async () => (await storedText(name)).includes('Kommunen foreslår felles kompetansepool.'));
    await waitFor(() => !kommune.provider.hasUnsyncedChanges);

    const content = await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, {
      token: f.token('bruker'),
    });
    expect(content.body.text).toContain('Kommunen foreslår felles kompetansepool.');
    kommune.destroy();
    hf.destroy();
  });

  it("[O1] a non-owner's crafted update is neither applied, broadcast nor stored", async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName: name } = plan.section(SECTION);
    const owner = connectProvider(f.url, f.token('kommune'), name);
    const attacker = connectProvider(f.url, f.token('bruker'), name);
    await Promise.all([owner.synced(), attacker.synced()]);
    expect(await attacker.ready).toBe('read-only');
    const before = await storedText(name);

    // The raw provider sends the update as any client would; only the server can stop it.
    appendParagraph(attacker.doc, 'Brukerrådet skriver seg inn uten tillatelse.');
    await afterProcessed(attacker, owner);
    appendParagraph(owner.doc, 'Etterfølgende endring fra eier.');
    await waitFor(async () => (await storedText(name)).includes('Etterfølgende endring fra eier.'));
    await waitFor(() => readTextFromYDoc(attacker.doc).includes('Etterfølgende endring fra eier.'));

    expect(readTextFromYDoc(owner.doc)).not.toContain('uten tillatelse');
    expect(await storedText(name)).not.toContain('uten tillatelse');
    expect(await storedText(name)).toBe(`${before}\n\nEtterfølgende endring fra eier.`);
    const live = await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, {
      token: f.token('helseforetak'),
    });
    expect(live.body.text).not.toContain('uten tillatelse');
    // The server keeps telling the crafted client its change is not synced.
    expect(attacker.provider.hasUnsyncedChanges).toBe(true);
    owner.destroy();
    attacker.destroy();
  });

  it('[O1] a party that owns other sections is still read-only here', async () => {
    // Fastlegene own «Barn og unge» and three more, but not this one.
    const fastlege = connectProvider(f.url, f.token('fastlege'), f.section(SECTION).documentName);
    expect(await fastlege.ready).toBe('read-only');
    const own = connectProvider(f.url, f.token('fastlege'), f.section('Barn og unge').documentName);
    expect(await own.ready).toBe('read-write');
    fastlege.destroy();
    own.destroy();
  });
});
