import { CONTENT_FIELD, readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  afterProcessed,
  api,
  appendParagraph,
  command,
  connectProvider,
  waitFor,
  useFixture,
  type FixturePlan,
} from '../testing/index.js';

const f = useFixture();

const AKUTT = 'Akuttmedisinsk kjede'; // owned by the helseforetak and the kommune
const SENTENCE = 'Kommunen skal IKKE legge ned legevakten.';

const sectionView = (plan: FixturePlan, title: string) => plan.sectionView(title, 'kommune');

describe('[R1] a deletion changes the content revision', () => {
  it('[R1][C2][L1] deleting «IKKE » after all four parties agreed makes every marker stale and the lock refused', async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName: name } = plan.section(AKUTT);
    const owner = connectProvider(f.url, f.token('kommune'), name);
    const witness = connectProvider(f.url, f.token('helseforetak'), name);
    await Promise.all([owner.synced(), witness.synced()]);

    appendParagraph(owner.doc, SENTENCE);
    await waitFor(async () =>
      (
        await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, {
          token: f.token('bruker'),
        })
      ).body.text.includes(SENTENCE),
    );
    const agreed = (await sectionView(plan, AKUTT))?.revision;
    for (const who of ['kommune', 'helseforetak', 'fastlege', 'bruker']) {
      const res = await command(f.url, f.token(who), 'sections.mark', {
        sectionId,
        stance: 'agree',
        revision: agreed,
      });
      expect(res.status).toBe(200);
    }
    expect((await sectionView(plan, AKUTT))?.status).toBe('consensus');

    // The owner deletes «IKKE » with a plain Yjs deletion: no new item, so the state vector stays.
    const fragment = owner.doc.getXmlFragment(CONTENT_FIELD);
    const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const svBefore = Y.encodeStateVector(owner.doc);
    text.delete(SENTENCE.indexOf('IKKE '), 'IKKE '.length);
    expect(Y.encodeStateVector(owner.doc)).toEqual(svBefore);
    await afterProcessed(owner, witness);
    expect(readTextFromYDoc(witness.doc)).toContain('Kommunen skal legge ned legevakten.');

    const view = await sectionView(plan, AKUTT);
    expect(view?.revision).not.toBe(agreed);
    expect(view?.status).not.toBe('consensus');
    expect(view?.markers).toHaveLength(4);
    expect(view?.markers.every((m) => m.stale)).toBe(true);
    const lock = await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId });
    expect(lock.status).toBe(409);
    expect(lock.body.error?.code).toBe('not_in_consensus');
    owner.destroy();
    witness.destroy();
  });
});
