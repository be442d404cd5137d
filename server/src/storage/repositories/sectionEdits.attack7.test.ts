import type { EditSessionView, SectionTextAtView } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import {
  api,
  appendParagraph,
  bodyFingerprint,
  connectProvider,
  Prng,
  randomEdit,
  storedDocument,
  storedSectionText,
  useFixture,
  waitFor,
} from '../../testing/index.js';

/**
 * Attacks on the history with authors (issue 12): the text "after a session" must be exactly
 * what everyone saw when that person stopped, whatever compaction did meanwhile, and nobody can
 * read or fake another section's edits.
 */
const f = useFixture({ config: { storeDebounceMs: 20 } });
const TITLE = 'Samarbeidsstruktur og organisering';

const history = (sectionId: string, who = 'bruker') =>
  api<EditSessionView[]>(f.url, `/api/sections/${sectionId}/history`, { token: f.token(who) });
const textAfter = (sectionId: string, editId: number | string, who = 'bruker') =>
  api<SectionTextAtView>(f.url, `/api/sections/${sectionId}/history/${editId}`, { token: f.token(who) });

describe('history with authors under attack', () => {
  for (const seed of [7, 1234]) {
    it(`[seed ${seed}] the text after every session equals what both owners saw when it ended, through compactions`, async () => {
      const rng = new Prng(seed);
      const plan = await f.plan();
      const { id: sectionId, documentName } = plan.section(TITLE);
      const people = {
        kommune: connectProvider(f.url, f.token('kommune'), documentName),
        helseforetak: connectProvider(f.url, f.token('helseforetak'), documentName),
      };
      await Promise.all(Object.values(people).map((p) => p.synced()));
      const blocks: { who: keyof typeof people; text: string }[] = [];
      try {
        for (let step = 0; step < 10; step += 1) {
          const who = rng.pick(['kommune', 'helseforetak'] as const);
          const doc = people[who].doc;
          // An edit may change marks or structure and leave the text as it was: still a session.
          let changed = false;
          const onUpdate = () => (changed = true);
          doc.on('update', onUpdate);
          for (let i = rng.int(1, 4); i > 0; i -= 1) randomEdit(doc, rng);
          doc.off('update', onUpdate);
          const text = readTextFromYDoc(doc);
          // Settled everywhere before the other one types: the session's end is unambiguous. By the
          // whole body, marks too: an edit of marks alone leaves the text as it was.
          const body = bodyFingerprint(doc);
          await waitFor(
            async () =>
              bodyFingerprint(await storedDocument(f.db, documentName)) === body &&
              Object.values(people).every((p) => bodyFingerprint(p.doc) === body),
          );
          if (!changed) continue;
          if (blocks.at(-1)?.who === who) blocks.at(-1)!.text = text;
          else blocks.push({ who, text });
        }
      } finally {
        for (const p of Object.values(people)) p.destroy();
      }
      const sessions = (await history(sectionId)).body.slice().reverse();
      const authored = sessions.filter((s) => s.userId !== null);
      expect(authored.map((s) => s.partyId)).toEqual(blocks.map((b) => f.user(b.who).partyId));
      for (const [index, session] of authored.entries()) {
        const at = await textAfter(sectionId, session.id);
        expect(at.status).toBe(200);
        expect(at.body.text, `session ${index}`).toBe(blocks[index]!.text);
      }
    });
  }

  it('an edit id of another section, of another helsefellesskap, or no id at all gives nothing', async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName } = plan.section(TITLE);
    const other = plan.sections.find((s) => s.id !== sectionId)!;
    const client = connectProvider(f.url, f.token('kommune'), documentName);
    await client.synced();
    appendParagraph(client.doc, 'Hemmelig kladd.');
    await waitFor(async () => (await storedSectionText(f.db, sectionId)).includes('Hemmelig kladd.'));
    client.destroy();
    const [newest] = (await history(sectionId)).body;
    expect(newest).toBeDefined();
    // The id is real, but of another section: as unknown as one that never existed.
    const smuggled = await textAfter(other.id, newest!.id);
    expect(smuggled.status).toBe(404);
    expect(JSON.stringify(smuggled.body)).not.toContain('Hemmelig');
    const outsider = await api(f.url, `/api/sections/${sectionId}/history/${newest!.id}`, {
      token: f.other.token('kommune'),
    });
    expect(outsider.status).toBe(404);
    for (const bad of ['-1', '0', '1.5', '9007199254740993', '%20', 'NaN', 'Infinity']) {
      const res = await textAfter(sectionId, bad);
      expect(res.status, bad).toBe(400);
    }
  });
});
