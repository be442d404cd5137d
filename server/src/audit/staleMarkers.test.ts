import type { AuditEventView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CONTENT_FIELD } from '@fellesplan/editor';
import {
  api,
  command,
  connectProvider,
  spawnServer,
  useFixture,
  waitFor,
  type FixturePlan,
  type TestProvider,
} from '../testing/index.js';
import { logStaleMarkers } from './logStaleMarkers.js';

const f = useFixture();
const TITLE = 'Barn og unge';

const audit = async (plan: FixturePlan) =>
  (await api<AuditEventView[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('bruker') })).body;
const textChanges = async (plan: FixturePlan) => (await audit(plan)).filter((e) => e.type === 'section.text_changed');
const verified = async (plan: FixturePlan) =>
  (await api<{ ok: boolean }>(f.url, `/api/plans/${plan.id}/audit/verify`, { token: f.token('bruker') })).body.ok;

/** A plan whose one section three parties must agree on, owned by the kommune. */
async function planOfThree(): Promise<FixturePlan> {
  return f.plan({
    sections: [
      {
        title: TITLE,
        owners: ['kommune'],
        required: ['kommune', 'helseforetak', 'bruker'],
        body: 'Barn og unge skal få koordinerte tjenester.',
      },
    ],
  });
}

/** Types into the first paragraph one character at a time, each a separate update, each checked before the next. */
async function typeSlowly(editor: TestProvider, text: string): Promise<void> {
  for (const char of text) {
    const paragraph = editor.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
    const node = paragraph.get(0) as Y.XmlText;
    node.insert(node.length, char);
    // Acknowledged means stored and applied, so the server has scheduled its check; it runs
    // before the next keystroke, so every keystroke is checked on its own.
    await waitFor(() => !editor.provider.hasUnsyncedChanges);
    await f.server.collaboration.staleMarkers.settled();
  }
}

describe('[A5] a text change that makes markers stale is logged once', () => {
  it('[A5] after three parties agreed, many keystrokes give exactly one event naming the three, and the log verifies', async () => {
    const plan = await planOfThree();
    const section = plan.section(TITLE);
    const { revision, replies } = await plan.agreeAll(TITLE);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);

    const editor = connectProvider(f.url, f.token('kommune'), section.documentName);
    await editor.synced();
    await typeSlowly(editor, ' Også i skolen.');
    await waitFor(async () => (await plan.sectionView(TITLE, 'kommune')).revision !== revision);
    await f.server.collaboration.staleMarkers.settled();
    editor.destroy();

    const events = await textChanges(plan);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.sectionId).toBe(section.id);
    expect(event?.actor.partyId).toBe(f.party('kommune'));
    expect(event?.payload.staleParties).toEqual(
      expect.arrayContaining([f.party('kommune'), f.party('helseforetak'), f.party('bruker')]),
    );
    expect(event?.payload.staleParties).toHaveLength(3);
    // The revision the text first moved to, after the one the parties agreed on.
    expect(event?.payload.revision).not.toBe(revision);
    expect(event?.payload.staleMarkers).toEqual(
      expect.arrayContaining([expect.objectContaining({ partyId: f.party('bruker'), stance: 'agree', revision })]),
    );
    expect(await verified(plan)).toBe(true);
  });

  it('[A5] parties who agree again and see the text change again get a new event; only re-agreed parties are named', async () => {
    const plan = await planOfThree();
    const section = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    const editor = connectProvider(f.url, f.token('kommune'), section.documentName);
    await editor.synced();
    await typeSlowly(editor, ' A');
    await waitFor(async () => (await textChanges(plan)).length === 1);

    // Two of three agree to the new text; then it changes again.
    const { revision } = await plan.sectionView(TITLE, 'kommune');
    for (const who of ['kommune', 'bruker']) {
      const res = await command(f.url, f.token(who), 'sections.mark', {
        sectionId: section.id,
        stance: 'agree',
        revision,
      });
      expect(res.status).toBe(200);
    }
    await typeSlowly(editor, ' B');
    await waitFor(async () => (await textChanges(plan)).length === 2);
    await f.server.collaboration.staleMarkers.settled();
    editor.destroy();

    const events = await textChanges(plan);
    expect(events).toHaveLength(2);
    expect(events[1]?.payload.staleParties).toEqual(expect.arrayContaining([f.party('kommune'), f.party('bruker')]));
    expect(events[1]?.payload.staleParties).toHaveLength(2);
    expect(await verified(plan)).toBe(true);
  });

  it('[A5] edits to a section nobody has taken a stance on log nothing', async () => {
    const plan = await planOfThree();
    const editor = connectProvider(f.url, f.token('kommune'), plan.section(TITLE).documentName);
    await editor.synced();
    await typeSlowly(editor, ' Nytt.');
    await f.server.collaboration.staleMarkers.settled();
    editor.destroy();
    expect(await textChanges(plan)).toEqual([]);
    expect((await audit(plan)).length).toBe(0);
  });

  it('[A5] two checks of one change at once (two instances, two edits) write one event', async () => {
    const plan = await planOfThree();
    const section = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    // One change, checked once by this server's own hook.
    const editor = connectProvider(f.url, f.token('kommune'), section.documentName);
    await editor.synced();
    const paragraph = editor.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Endret: ');
    await waitFor(() => !editor.provider.hasUnsyncedChanges);
    // The check is scheduled by the onChange hooks, which run in a chain that may still be going
    // when the edit is acknowledged: wait for its event, not for the checks scheduled so far.
    await waitFor(async () => (await textChanges(plan)).length === 1);
    await f.server.collaboration.staleMarkers.settled();
    expect(await textChanges(plan)).toHaveLength(1);
    // Claiming again, many at once, finds the transition taken.
    const editorRef = { userId: f.demo.user('kommune').id, partyId: f.party('kommune') };
    const deps = { db: f.db, content: f.server.context.content, auditSigner: f.server.context.auditSigner };
    const results = await Promise.all(Array.from({ length: 5 }, () => logStaleMarkers(deps, section.id, editorRef)));
    expect(results.every((r) => r.length === 0)).toBe(true);
    editor.destroy();
    expect(await textChanges(plan)).toHaveLength(1);
    expect(await verified(plan)).toBe(true);
  });

  it('[A5] two server instances on one database, each with an editor typing at once, log the transition once', async () => {
    const plan = await planOfThree();
    const section = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    const other = await spawnServer(f.server.dataDir, {
      FELLESPLAN_DEMO: '0',
      LOG_LEVEL: 'error',
      ...(f.server.databaseUrl ? { DATABASE_URL: f.server.databaseUrl } : {}),
    });
    try {
      const here = connectProvider(f.url, f.token('kommune'), section.documentName);
      const there = connectProvider(other.url, f.token('kommune'), section.documentName);
      await Promise.all([here.synced(), there.synced()]);
      const type = async (editor: TestProvider, text: string) => {
        for (const char of text) {
          const paragraph = editor.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
          const node = paragraph.get(0) as Y.XmlText;
          node.insert(node.length, char);
          await waitFor(() => !editor.provider.hasUnsyncedChanges);
        }
      };
      await Promise.all([type(here, ' Her.'), type(there, ' Der.')]);
      // Both instances check (the other one on its own timer): wait until the other has logged or
      // found it logged, i.e. its revision of the text no longer matches any unlogged marker.
      await f.server.collaboration.staleMarkers.settled();
      await waitFor(async () => (await textChanges(plan)).length >= 1);
      await waitFor(
        async () =>
          (
            await f.db
              .selectFrom('markers')
              .select('id')
              .where('section_id', '=', section.id)
              .where('stale_logged_at', 'is', null)
              .execute()
          ).length === 0,
      );
      here.destroy();
      there.destroy();
    } finally {
      await other.stop();
    }
    expect(await textChanges(plan)).toHaveLength(1);
  }, 90_000);

  it('[A5] of checks racing on a fresh transition exactly one logs it', async () => {
    const plan = await planOfThree();
    const section = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    // The markers turn stale without an edit through this server, so only the racing calls decide.
    const { revision } = await plan.sectionView(TITLE, 'kommune');
    await f.db
      .updateTable('markers')
      .set({ revision: `${revision}-older` })
      .where('section_id', '=', section.id)
      .execute();
    const editorRef = { userId: f.demo.user('kommune').id, partyId: f.party('kommune') };
    const deps = { db: f.db, content: f.server.context.content, auditSigner: f.server.context.auditSigner };
    const results = await Promise.all(Array.from({ length: 5 }, () => logStaleMarkers(deps, section.id, editorRef)));
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    expect(results.flat()).toHaveLength(3);
    expect(await textChanges(plan)).toHaveLength(1);
  });
});
