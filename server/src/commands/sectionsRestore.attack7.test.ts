import { DomainError, type SectionContentView, type SectionsRestoreInput, type ThreadView } from '@fellesplan/domain';
import { CONTENT_FIELD, createAnchor, linearizeYFragment, readTextFromYDoc, resolveAnchor } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { findSessionUser } from '../auth/sessions.js';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  connectYWebsocket,
  RaceEditor,
  storedSectionText,
  useFixture,
  waitFor,
} from '../testing/index.js';
import { runCommand } from './pipeline.js';
import { sectionsRestoreDefinition } from './sectionsRestore.js';

/** Attacks on `sections.restore` (issue 12): who may restore, when, and what everyone ends with. */
const f = useFixture();
const TITLE = 'Samarbeidsstruktur og organisering';

async function named(planId: string, name: string): Promise<string> {
  const res = await command(f.url, f.token('sekretariat'), 'versions.create', { planId, name });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

async function write(documentName: string, text: string): Promise<void> {
  const client = connectProvider(f.url, f.token('kommune'), documentName);
  await client.synced();
  appendParagraph(client.doc, text);
  await waitFor(async () => readTextFromYDoc(client.doc).includes(text) && client.provider.unsyncedChanges === 0);
  client.destroy();
}

const liveText = async (sectionId: string) =>
  (await api<SectionContentView>(f.url, `/api/sections/${sectionId}/content`, { token: f.token('bruker') })).body.text;

describe('sections.restore under attack', () => {
  it('an owner removed while the restore waits for writers to stop does not restore: ownership is decided again in the transaction', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    const versionId = await named(plan.id, 'Før');
    await write(section.documentName, 'Kommunens nyere tekst.');
    const before = await storedSectionText(f.db, section.id);
    const actor = await findSessionUser(f.db, f.token('kommune'));
    if (!actor) throw new Error('no kommune session');
    const view = await plan.sectionView(TITLE, 'sekretariat');
    const others = view.owners.filter((p) => p !== actor.partyId);
    expect(others.length).toBeGreaterThan(0);
    let checks = 0;
    // The real restore, except that once writers are frozen the sekretariat takes the section
    // from the restorer's party, as a setOwners committing just then would.
    const racing = {
      ...sectionsRestoreDefinition,
      async check(...args: Parameters<NonNullable<typeof sectionsRestoreDefinition.check>>) {
        const checked = await sectionsRestoreDefinition.check!(...args);
        checks += 1;
        if (checks === 2) {
          const res = await command(f.url, f.token('sekretariat'), 'sections.setOwners', {
            sectionId: section.id,
            owners: others,
            requiredParties: view.requiredParties,
          });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
        }
        return checked;
      },
    };
    const input: SectionsRestoreInput = { sectionId: section.id, versionId };
    await expect(runCommand(racing, f.server.context, actor, input)).rejects.toSatisfy(
      (error) => error instanceof DomainError && error.code === 'not_owner',
    );
    expect(checks).toBe(2);
    expect(await storedSectionText(f.db, section.id)).toBe(before);
    expect(await liveText(section.id)).toBe(before);
  });

  it('a deleted section, a section the version never had, and outsiders get nothing, and nothing changes', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    const versionId = await named(plan.id, 'Før');
    const added = await command(f.url, f.token('sekretariat'), 'sections.add', {
      planId: plan.id,
      title: 'Kom til etterpå',
      owners: [f.party('kommune')],
    });
    expect(added.status).toBe(200);
    const notInVersion = await command(f.url, f.token('kommune'), 'sections.restore', {
      sectionId: added.body.id as string,
      versionId,
    });
    expect(notInVersion.status).toBe(409);
    expect(notInVersion.body.error?.code).toBe('section_not_in_version');

    const outsider = await command(f.url, f.other.token('kommune'), 'sections.restore', {
      sectionId: section.id,
      versionId,
    });
    expect(outsider.status).toBe(404);

    await write(section.documentName, 'Tekst før sletting.');
    const deleted = await command(f.url, f.token('sekretariat'), 'sections.delete', {
      sectionId: section.id,
      reason: 'Ut',
    });
    expect(deleted.status).toBe(200);
    const text = await storedSectionText(f.db, section.id);
    const res = await command(f.url, f.token('kommune'), 'sections.restore', { sectionId: section.id, versionId });
    expect(res.status).toBe(404);
    expect(await storedSectionText(f.db, section.id)).toBe(text);
  });

  it('restored while owners type over both protocols: every copy, storage and the live text end the same', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    const versionId = await named(plan.id, 'Før skrivingen');
    // Typing as the app does: only while the editor is editable ([L2]).
    const kommune = new RaceEditor('kommune', f.url, f.token('kommune'), section.documentName);
    const hf = connectYWebsocket(f.url, f.token('helseforetak'), section.documentName);
    await Promise.all([waitFor(() => kommune.isSettled), hf.synced()]);
    for (let i = 0; i < 5; i += 1) appendParagraph(kommune.doc, `Før gjenoppretting ${i}.`);
    await waitFor(() => readTextFromYDoc(hf.doc).includes('Før gjenoppretting 4.'));
    const restoring = command(f.url, f.token('helseforetak'), 'sections.restore', { sectionId: section.id, versionId });
    for (let i = 0; i < 20; i += 1) {
      if (kommune.canEdit) appendParagraph(kommune.doc, `K ${i}.`);
      appendParagraph(hf.doc, `H ${i}.`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await restoring).status).toBe(200);
    await waitFor(() => kommune.canEdit);
    appendParagraph(kommune.doc, 'Etter.');
    try {
      await waitFor(async () => {
        const stored = await storedSectionText(f.db, section.id);
        return (
          stored.includes('Etter.') &&
          kommune.isSettled &&
          readTextFromYDoc(kommune.doc) === stored &&
          readTextFromYDoc(hf.doc) === stored &&
          (await liveText(section.id)) === stored
        );
      });
    } finally {
      kommune.destroy();
      hf.destroy();
    }
    expect(await storedSectionText(f.db, section.id)).not.toContain('Før gjenoppretting');
  });

  it('a comment anchored on a sentence still points at that sentence after a restore brings it back', async () => {
    const title = 'Kunnskapsgrunnlag og utfordringsbilde';
    const sentence = 'Andelen innbyggere over 80 år vil nesten dobles i vårt område fram mot 2040.';
    const plan = await f.plan();
    const { id: sectionId, documentName } = plan.section(title);
    const versionId = await named(plan.id, 'Før');
    const reader = connectProvider(f.url, f.token('bruker'), documentName);
    await reader.synced();
    const fragment = reader.doc.getXmlFragment(CONTENT_FIELD);
    const start = linearizeYFragment(fragment).text.indexOf(sentence);
    expect(start).toBeGreaterThanOrEqual(0);
    const anchor = createAnchor(fragment, start, start + sentence.length);
    const thread = await command(f.url, f.token('bruker'), 'threads.create', {
      sectionId,
      body: 'Kilde?',
      anchor,
      quote: sentence,
    });
    expect(thread.status).toBe(200);
    await write(documentName, 'Et nytt avsnitt.');
    const restored = await command(f.url, f.token('kommune'), 'sections.restore', { sectionId, versionId });
    expect(restored.status).toBe(200);
    await waitFor(() => !readTextFromYDoc(reader.doc).includes('Et nytt avsnitt.'));
    const threads = await api<ThreadView[]>(f.url, `/api/plans/${plan.id}/threads`, { token: f.token('bruker') });
    const view = threads.body.find((t) => t.id === thread.body.id);
    expect(view).toMatchObject({ detached: false, quote: sentence });
    const range = resolveAnchor(reader.doc, fragment, view!.anchor!, view!.quote);
    expect(range && linearizeYFragment(fragment).text.slice(range.start, range.end)).toBe(sentence);
    reader.destroy();
  });
});
