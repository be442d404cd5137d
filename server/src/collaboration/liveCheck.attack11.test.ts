import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph, closeReasons, connectProvider, waitFor, useFixture } from '../testing/index.js';

const f = useFixture();

/** The deepest XmlText under `type`, so a change lands as far inside a block as the body goes. */
function deepestText(type: Y.XmlFragment | Y.XmlElement): Y.XmlText | null {
  let found: Y.XmlText | null = null;
  let best = -1;
  const walk = (node: Y.XmlFragment | Y.XmlElement, depth: number) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && depth > best) {
        found = child;
        best = depth;
      } else if (child instanceof Y.XmlElement) walk(child, depth + 1);
    }
  };
  walk(type, 0);
  return found;
}

/** A list whose item holds a paragraph: a valid nested block the server checks (and caches) first. */
function nestedList(text: string): Y.XmlElement {
  const list = new Y.XmlElement('bulletList');
  const item = new Y.XmlElement('listItem');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  item.insert(0, [paragraph]);
  list.insert(0, [item]);
  return list;
}

describe('the live content check through a real server (attack 11)', () => {
  it('[P1] several changes in one update, deep in blocks checked before, are refused after a refusal and a valid edit rebuilt the mirror', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Samarbeidsstruktur og organisering').id;
    const name = sectionDocumentName(sectionId);
    const colleague = connectProvider(f.url, f.token('helseforetak'), name);
    await colleague.synced();
    // A valid nested block the check sees (and caches) before the attacks.
    colleague.doc.getXmlFragment(CONTENT_FIELD).push([nestedList('Dyp liste')]);
    await waitFor(async () => (await f.storedText(sectionId)).includes('Dyp liste'));

    const attacks: [string, (doc: Y.Doc) => void][] = [
      [
        // A valid block deleted and an unknown node put deep inside another, in one update.
        'invalid-content',
        (doc) => {
          const fragment = doc.getXmlFragment(CONTENT_FIELD);
          const list = fragment.toArray().find((c) => c instanceof Y.XmlElement && c.nodeName === 'bulletList');
          const item = (list as Y.XmlElement).get(0) as Y.XmlElement;
          fragment.delete(0, 1);
          const script = new Y.XmlElement('script');
          script.insert(0, [new Y.XmlText('ANGREP1')]);
          item.insert(item.length, [script]);
        },
      ],
      [
        // A harmless keystroke in one block and a javascript: link deep in the list, in one update.
        'unsafe-link',
        (doc) => {
          const fragment = doc.getXmlFragment(CONTENT_FIELD);
          (fragment.get(0) instanceof Y.XmlElement ? deepestText(fragment.get(0) as Y.XmlElement) : null)?.insert(
            0,
            'x',
          );
          const list = fragment.toArray().find((c) => c instanceof Y.XmlElement && c.nodeName === 'bulletList');
          deepestText(list as Y.XmlElement)?.insert(0, 'ANGREP2', { link: { href: 'javascript:alert(1)' } });
        },
      ],
      [
        // An unknown mark formatted onto text deep in the list.
        'invalid-content',
        (doc) => {
          const fragment = doc.getXmlFragment(CONTENT_FIELD);
          const list = fragment.toArray().find((c) => c instanceof Y.XmlElement && c.nodeName === 'bulletList');
          const text = deepestText(list as Y.XmlElement);
          text?.insert(0, 'ANGREP3');
          text?.format(0, 3, { onclick: { value: 'alert(1)' } });
        },
      ],
      [
        // An attribute on a Y.XmlText deep in the list, which no reader reads.
        'foreign-type',
        (doc) => {
          const fragment = doc.getXmlFragment(CONTENT_FIELD);
          const list = fragment.toArray().find((c) => c instanceof Y.XmlElement && c.nodeName === 'bulletList');
          const text = deepestText(list as Y.XmlElement);
          text?.insert(0, 'ANGREP4');
          text?.setAttribute('x', 'y');
        },
      ],
    ];
    for (const [index, [expected, attack]] of attacks.entries()) {
      const attacker = connectProvider(f.url, f.token('kommune'), name);
      await attacker.synced();
      const reasons = closeReasons(attacker);
      attacker.doc.transact(() => attack(attacker.doc));
      await waitFor(() => reasons.length > 0);
      attacker.destroy();
      expect(reasons[0]).toBe(`update-refused:${expected}`);
      // A valid edit after the refusal: the mirror is built again from the document.
      appendParagraph(colleague.doc, `Gyldig etter angrep ${index}.`);
      await waitFor(async () => (await f.storedText(sectionId)).includes(`Gyldig etter angrep ${index}.`));
    }
    const text = await f.storedText(sectionId);
    expect(text).toContain('Dyp liste');
    expect(text).not.toMatch(/ANGREP/);
    colleague.destroy();
  });
});
