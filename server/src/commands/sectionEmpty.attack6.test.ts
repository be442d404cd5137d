import * as Y from 'yjs';
import { CONTENT_FIELD } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { appendParagraph, command, connectProvider, useFixture, waitFor, type FixturePlan } from '../testing/index.js';

const f = useFixture();

const TITLE = 'Tom seksjon';
const view = (plan: FixturePlan) => plan.sectionView(TITLE, 'kommune');

/** A table of empty cells and a heading of spaces, as the editor stores them. */
function appendEmptyTableAndHeading(doc: Y.Doc): void {
  const cell = () => {
    const c = new Y.XmlElement('tableCell');
    c.insert(0, [new Y.XmlElement('paragraph')]);
    return c;
  };
  const row = new Y.XmlElement('tableRow');
  row.insert(0, [cell(), cell()]);
  const table = new Y.XmlElement('table');
  table.insert(0, [row]);
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', 2 as unknown as string);
  heading.insert(0, [new Y.XmlText('  \t ')]);
  doc.getXmlFragment(CONTENT_FIELD).push([table, heading]);
}

describe('[C5] a section that only looks like it has text is empty', () => {
  // Before: emptiness was `text.trim() === ''`, and trim leaves zero-width and other invisible
  // characters; a paragraph of U+200B let a party take a stance on a section with nothing to read.
  it('invisible characters, an empty table and a heading of spaces: sections.mark is 409 section_empty', async () => {
    const plan = await f.plan({ sections: [{ title: TITLE, owners: ['kommune'] }] });
    const sectionId = plan.section(TITLE).id;
    const editor = connectProvider(f.url, f.token('kommune'), plan.section(TITLE).documentName);
    await editor.synced();
    const before = (await view(plan)).revision;
    appendEmptyTableAndHeading(editor.doc);
    // Zero-width space, non-joiner, joiner, word joiner, soft hyphen, BOM, Hangul filler, braille blank.
    appendParagraph(editor.doc, '\u200b\u200c\u200d\u2060\u00ad\ufeff\u3164\u2800 \u00a0\u202f\u3000');
    await waitFor(async () => (await view(plan)).revision !== before);
    expect((await view(plan)).empty).toBe(true);
    const res = await command(f.url, f.token('kommune'), 'sections.mark', { sectionId, stance: 'agree' });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('section_empty');
    expect((await view(plan)).markers).toEqual([]);

    // One visible letter is text.
    appendParagraph(editor.doc, '\u200bA');
    await waitFor(async () => (await view(plan)).empty === undefined);
    expect((await command(f.url, f.token('kommune'), 'sections.mark', { sectionId, stance: 'agree' })).status).toBe(
      200,
    );
    editor.destroy();
  });
});
