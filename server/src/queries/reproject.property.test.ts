import type { PlanView } from '@fellesplan/domain';
import { CONTENT_FIELD, createAnchor, linearizeYFragment } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  command,
  connectProvider,
  Prng,
  randomEdit,
  useFixture,
  waitFor,
  type TestProvider,
} from '../testing/index.js';
import { loadProjectionBasis, reproject } from './planView.js';

const f = useFixture();
const SEED = Number(process.env.REPROJECT_SEED ?? 20261124);
const STEPS = 30;

// The projection after edits is re-derived for the edited sections only (issue 14, point 4): it
// must always equal the projection built from scratch from the database and the bodies as they are.
describe('the projection re-derived after edits', () => {
  it(`[SO5] equals the projection built from scratch after every random edit (seed ${SEED})`, async () => {
    const random = new Prng(SEED);
    const plan = await f.plan();
    const kommune = f.party('kommune');
    const view = await api<PlanView>(f.url, `/api/plans/${plan.id}`, { token: f.token('kommune') });
    const ownedIds = new Set(view.body.sections.filter((s) => s.owners.includes(kommune)).map((s) => s.id));
    const owned = plan.sections.filter((s) => ownedIds.has(s.id));
    expect(owned.length).toBeGreaterThan(1);
    const writers = new Map<string, TestProvider>();
    try {
      for (const section of owned) {
        const client = connectProvider(f.url, f.token('kommune'), section.documentName);
        await client.synced();
        writers.set(section.id, client);
        // A thread anchored to the start of the body, so edits can detach and keep it.
        const fragment = client.doc.getXmlFragment(CONTENT_FIELD);
        const text = linearizeYFragment(fragment).text;
        const start = text.search(/\S/);
        if (start < 0) continue;
        const end = Math.min(text.length, start + 12);
        const created = await command(f.url, f.token('bruker'), 'threads.create', {
          sectionId: section.id,
          body: 'Merknad til starten.',
          anchor: createAnchor(fragment, start, end),
          quote: text.slice(start, end),
        });
        expect(created.status).toBe(200);
      }
      const { content } = f.server.context;
      let basis = await loadProjectionBasis(f.db, content, plan.id);
      if (!basis) throw new Error('no plan');
      for (let step = 0; step < STEPS; step++) {
        const sectionId = random.pick([...writers.keys()]);
        const client = writers.get(sectionId);
        if (!client) continue;
        const edits = random.int(1, 3);
        for (let i = 0; i < edits; i++) {
          // Now and then the anchored start goes, so anchors detach (and the chance to see it).
          if (random.int(0, 4) === 0) deleteStart(client.doc);
          else randomEdit(client.doc, random);
        }
        await waitFor(() => !client.provider.hasUnsyncedChanges);
        basis = await reproject(f.db, content, basis, new Set([sectionId]));
        const fresh = await loadProjectionBasis(f.db, content, plan.id);
        expect(basis.projection, `step ${step}`).toEqual(fresh?.projection);
      }
      // The run reached both kinds of anchor, or it proved little about them.
      expect(basis.projection.threads.some((t) => t.detached)).toBe(true);
    } finally {
      for (const client of writers.values()) client.destroy();
    }
  });
});

function deleteStart(doc: Y.Doc): void {
  const first = doc.getXmlFragment(CONTENT_FIELD).get(0);
  const text = first instanceof Y.XmlElement ? first.firstChild : null;
  if (text instanceof Y.XmlText && text.length > 0) text.delete(0, Math.min(6, text.length));
}
