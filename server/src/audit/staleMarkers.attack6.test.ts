import type { AuditEventView } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  api,
  appendParagraph,
  connectProvider,
  MESSAGE,
  rawCollabClient,
  useFixture,
  waitFor,
  type FixturePlan,
} from '../testing/index.js';

const f = useFixture();
const TITLE = 'Barn og unge';

const textChanges = async (plan: FixturePlan) =>
  (await api<AuditEventView[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('bruker') })).body.filter(
    (e) => e.type === 'section.text_changed',
  );

async function planOfTwo(): Promise<FixturePlan> {
  return f.plan({
    sections: [
      { title: TITLE, owners: ['kommune'], required: ['kommune', 'bruker'], body: 'Barn og unge skal få tjenester.' },
    ],
  });
}

describe('[A5] text changes logged only for edits that were accepted', () => {
  it('a reader’s edit, refused by the server, logs nothing and leaves the markers current', async () => {
    const plan = await planOfTwo();
    const { revision } = await plan.agreeAll(TITLE);
    const reader = connectProvider(f.url, f.token('bruker'), plan.section(TITLE).documentName);
    await reader.synced();
    expect(await reader.ready).toBe('read-only');
    appendParagraph(reader.doc, 'Brukerrådet skriver likevel.');
    // A raw update too, as a client ignoring read-only would send it (sync message, update step).
    const raw = await rawCollabClient(f.url, plan.section(TITLE).documentName, f.token('bruker'));
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(reader.doc));
    appendParagraph(scratch, 'Og enda mer.');
    raw.send((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(scratch));
    });
    // Then a sync step 1: its answer comes after the server handled the update sent before it.
    const before = raw.received.length;
    raw.send((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(scratch));
    });
    await waitFor(() => raw.received.length > before);
    await f.server.collaboration.staleMarkers.settled();
    expect((await plan.sectionView(TITLE, 'kommune')).revision).toBe(revision);
    expect(await textChanges(plan)).toEqual([]);
    raw.close();
    reader.destroy();
  });

  // Before: `stale_logged_at` stayed set when an undo brought the text back to the agreed
  // revision, so the status went back to consensus and the next change lost it again unlogged.
  it('text undone to the agreed revision and changed again is a second transition, logged again', async () => {
    const plan = await planOfTwo();
    const { revision } = await plan.agreeAll(TITLE);
    const editor = connectProvider(f.url, f.token('kommune'), plan.section(TITLE).documentName);
    await editor.synced();
    const status = async () => (await plan.sectionView(TITLE, 'kommune')).status;
    const revisionNow = async () => (await plan.sectionView(TITLE, 'kommune')).revision;

    appendParagraph(editor.doc, 'Ny setning.');
    await waitFor(async () => (await textChanges(plan)).length === 1);

    const fragment = editor.doc.getXmlFragment(CONTENT_FIELD);
    fragment.delete(fragment.length - 1, 1);
    await waitFor(async () => (await revisionNow()) === revision);
    // Stored and applied, so the check of the undo is scheduled; then it has run.
    await waitFor(() => !editor.provider.hasUnsyncedChanges);
    await f.server.collaboration.staleMarkers.settled();
    expect(await status()).toBe('consensus');
    expect(await textChanges(plan)).toHaveLength(1);

    appendParagraph(editor.doc, 'Annen setning.');
    const events = await waitFor(async () => {
      const found = await textChanges(plan);
      return found.length >= 2 ? found : null;
    });
    await f.server.collaboration.staleMarkers.settled();
    expect(await status()).not.toBe('consensus');
    expect(await textChanges(plan)).toHaveLength(2);
    expect(events.map((e) => e.payload.staleParties)).toEqual([
      expect.arrayContaining([f.party('kommune'), f.party('bruker')]),
      expect.arrayContaining([f.party('kommune'), f.party('bruker')]),
    ]);
    const verify = await api<{ ok: boolean }>(f.url, `/api/plans/${plan.id}/audit/verify`, {
      token: f.token('bruker'),
    });
    expect(verify.body.ok).toBe(true);
    editor.destroy();
  });
});
