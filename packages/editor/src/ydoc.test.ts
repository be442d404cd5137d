import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainTextToDoc } from './plainTextToDoc.js';
import { readJsonFromYDoc, readTextFromYDoc, writeJsonToYDoc } from './ydoc.js';

describe('section body in a Y.Doc', () => {
  it('round-trips headings, lists and paragraphs through the content fragment', () => {
    const json = plainTextToDoc('## Mål\n\nVi skal samarbeide.\n\n- barn og unge\n- skrøpelige eldre');
    const doc = new Y.Doc();
    writeJsonToYDoc(doc, json);
    expect(readJsonFromYDoc(doc)).toEqual(json);
    expect(readTextFromYDoc(doc)).toBe('Mål\n\nVi skal samarbeide.\n\nbarn og unge\n\nskrøpelige eldre');
  });

  it('survives encoding the state as an update and applying it elsewhere', () => {
    const doc = new Y.Doc();
    writeJsonToYDoc(doc, plainTextToDoc('Første avsnitt.\n\nAndre avsnitt.'));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readTextFromYDoc(copy)).toBe('Første avsnitt.\n\nAndre avsnitt.');
  });

  it('refuses content the schema cannot hold', () => {
    const doc = new Y.Doc();
    expect(() => writeJsonToYDoc(doc, { type: 'doc', content: [{ type: 'script' }] })).toThrow();
  });

  it('presents an empty document as one empty paragraph', () => {
    expect(readJsonFromYDoc(new Y.Doc())).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
