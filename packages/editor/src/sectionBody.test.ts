import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSectionBody } from './sectionBody.js';
import { CONTENT_FIELD, writeJsonToYDoc } from './ydoc.js';

/** Builds a document by hand, as an old or crafted update could have stored it, and reloads it. */
function stored(build: (doc: Y.Doc) => void): Y.Doc {
  const source = new Y.Doc();
  build(source);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('[R2] readSectionBody', () => {
  it('reads a valid body', () => {
    const doc = stored((d) => writeJsonToYDoc(d, { type: 'doc', content: [paragraph('Hei')] }));
    expect(readSectionBody(doc)).toEqual({ readable: true, json: { type: 'doc', content: [paragraph('Hei')] } });
    expect(readSectionBody(new Y.Doc())).toMatchObject({ readable: true });
  });

  const broken: Record<string, (doc: Y.Doc) => void> = {
    'an unknown node': (d) => d.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlElement('bogus')]),
    'a non-XML item': (d) => d.getArray(CONTENT_FIELD).insert(0, [42]),
    'a Y.Map in content': (d) => d.getArray(CONTENT_FIELD).insert(0, [new Y.Map()]),
    'map entries on content': (d) => d.getMap(CONTENT_FIELD).set('x', 1),
    'another root type': (d) => {
      writeJsonToYDoc(d, { type: 'doc', content: [paragraph('Hei')] });
      d.getMap('other').set('x', 1);
    },
    'an unknown mark': (d) => {
      const text = new Y.XmlText();
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [text]);
      d.getXmlFragment(CONTENT_FIELD).insert(0, [p]);
      text.insert(0, 'Hei', { blink: {} });
    },
    'an embed in text': (d) => {
      const text = new Y.XmlText();
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [text]);
      d.getXmlFragment(CONTENT_FIELD).insert(0, [p]);
      text.insertEmbed(0, { image: 'x' });
    },
    'text directly in the document': (d) => d.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlText('løs')]),
  };

  it.each(Object.entries(broken))('reports %s as unreadable without throwing', (_, build) => {
    expect(readSectionBody(stored(build))).toMatchObject({ readable: false, problem: expect.any(String) });
  });
});
