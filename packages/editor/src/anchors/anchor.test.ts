import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainTextToDoc } from '../plainTextToDoc.js';
import { documentSchema } from '../schema.js';
import { CONTENT_FIELD, writeJsonToYDoc } from '../ydoc.js';
import { createAnchor, findQuote, resolveAnchor, type Anchor } from './anchor.js';
import { linearizePmDoc, linearizeYFragment, linearToPmPos, type PmLinearText } from './linearText.js';

/** One user's copy of a section body, edited the way the editor's sync plugin edits it. */
class Replica {
  readonly doc = new Y.Doc();
  readonly fragment = this.doc.getXmlFragment(CONTENT_FIELD);

  text(): string {
    return linearizeYFragment(this.fragment).text;
  }

  /** Applies a ProseMirror transform and writes it into Yjs exactly like y-prosemirror does. */
  edit(change: (tr: Transform, at: (offset: number) => number) => void): void {
    const { doc, meta } = initProseMirrorDoc(this.fragment, documentSchema());
    const linear: PmLinearText = linearizePmDoc(doc);
    const tr = new Transform(doc);
    change(tr, (offset) => linearToPmPos(linear, offset) ?? 0);
    updateYFragment(this.doc, this.fragment, tr.doc, meta);
  }

  offsetOf(phrase: string): number {
    const at = this.text().indexOf(phrase);
    if (at < 0) throw new Error(`"${phrase}" not in "${this.text()}"`);
    return at;
  }

  anchor(phrase: string): Anchor {
    const start = this.offsetOf(phrase);
    const anchor = createAnchor(this.fragment, start, start + phrase.length);
    if (!anchor) throw new Error('could not anchor');
    return anchor;
  }

  resolved(anchor: Anchor, quote: string): string | null {
    const range = resolveAnchor(this.doc, this.fragment, anchor, quote);
    return range ? this.text().slice(range.start, range.end) : null;
  }
}

const text = (value: string) => documentSchema().text(value);

function sync(...replicas: Replica[]): void {
  for (const from of replicas) {
    for (const to of replicas)
      if (from !== to) Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)));
  }
}

const BODY =
  'Innledende avsnitt om helsefellesskapet.\n\nVi skal etablere felles forløp for barn og unge. Kommunen har ansvaret for oppfølgingen.\n\nAvsluttende avsnitt.';
const QUOTE = 'Vi skal etablere felles forløp for barn og unge.';

function setup(): [Replica, Replica] {
  const a = new Replica();
  writeJsonToYDoc(a.doc, plainTextToDoc(BODY));
  const b = new Replica();
  sync(a, b);
  return [a, b];
}

describe('linear text', () => {
  it('is the same seen from Yjs and from ProseMirror, for every kind of block', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mål' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Første ' },
            { type: 'text', text: 'fet', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'linje to' },
          ],
        },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'punkt' }] }] }],
        },
        { type: 'paragraph' },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'celle' }] }] },
              ],
            },
          ],
        },
      ],
    };
    const replica = new Replica();
    writeJsonToYDoc(replica.doc, json);
    const pm = linearizePmDoc(documentSchema().nodeFromJSON(json));
    expect(replica.text()).toBe(pm.text);
    expect(pm.text).toBe('Mål\nFørste fet\uFFFClinje to\npunkt\n\ncelle');
  });
});

describe('comment anchors', () => {
  it('resolve to the quoted text when nothing changed', () => {
    const [a] = setup();
    expect(a.resolved(a.anchor(QUOTE), QUOTE)).toBe(QUOTE);
  });

  it('follow concurrent edits before the range', () => {
    const [a, b] = setup();
    const anchor = a.anchor(QUOTE);
    b.edit((tr, at) => tr.insert(at(b.offsetOf(QUOTE)), text('NB: ')));
    b.edit((tr, at) => tr.insert(at(0), text('Ny innledning. ')));
    a.edit((tr, at) => tr.insert(at(a.offsetOf('Avsluttende avsnitt.') + 20), text(' (utkast)')));
    sync(a, b);
    expect(a.resolved(anchor, QUOTE)).toBe(QUOTE);
    expect(b.resolved(anchor, QUOTE)).toBe(QUOTE);
    expect(a.text()).toContain('NB: Vi skal');
  });

  it('follow concurrent edits inside the range, taking the new words in', () => {
    const [a, b] = setup();
    const anchor = a.anchor(QUOTE);
    b.edit((tr, at) => tr.insert(at(b.offsetOf('felles forløp')), text('og tydelige ')));
    sync(a, b);
    expect(a.resolved(anchor, QUOTE)).toBe('Vi skal etablere og tydelige felles forløp for barn og unge.');
  });

  it('ignore edits right after the range and elsewhere', () => {
    const [a, b] = setup();
    const anchor = a.anchor(QUOTE);
    b.edit((tr, at) => tr.insert(at(b.offsetOf(QUOTE) + QUOTE.length), text(' Dette er nytt.')));
    sync(a, b);
    expect(a.resolved(anchor, QUOTE)).toBe(QUOTE);
    expect(a.text()).toContain(`${QUOTE} Dette er nytt.`);
  });

  it('[T3] survive a paragraph split before the range (the text moves to a new paragraph)', () => {
    const [a, b] = setup();
    const anchor = a.anchor('Kommunen har ansvaret');
    b.edit((tr, at) => tr.split(at(b.offsetOf('Kommunen har'))));
    sync(a, b);
    expect(a.text()).toContain('unge. \nKommunen har');
    expect(a.resolved(anchor, 'Kommunen har ansvaret')).toBe('Kommunen har ansvaret');
  });

  it('[T3] survive a paragraph split inside the range', () => {
    const [a, b] = setup();
    const anchor = a.anchor(QUOTE);
    b.edit((tr, at) => tr.split(at(b.offsetOf('for barn'))));
    sync(a, b);
    expect(a.resolved(anchor, QUOTE)).toBe('Vi skal etablere felles forløp \nfor barn og unge.');
  });

  it('[T3] survive a paragraph join before the range', () => {
    const [a, b] = setup();
    const anchor = a.anchor(QUOTE);
    // Join the first paragraph with the second: the quoted text now lives in the first.
    b.edit((tr, at) => tr.join(at(b.offsetOf(QUOTE)) - 1));
    sync(a, b);
    expect(a.text()).toContain(`helsefellesskapet.${QUOTE}`);
    expect(a.resolved(anchor, QUOTE)).toBe(QUOTE);
  });

  it('[T3] survive a paragraph join inside the range', () => {
    const [a, b] = setup();
    const quote = 'oppfølgingen.\nAvsluttende';
    const start = a.offsetOf('oppfølgingen.');
    const anchor = createAnchor(a.fragment, start, start + quote.length) as Anchor;
    expect(a.resolved(anchor, quote)).toBe(quote);
    b.edit((tr, at) => tr.join(at(b.offsetOf('Avsluttende')) - 1));
    sync(a, b);
    expect(a.resolved(anchor, quote)).toBe('oppfølgingen.Avsluttende');
  });

  it('[T3] detach when the quoted text is deleted', () => {
    const [a, b] = setup();
    const anchor = a.anchor(QUOTE);
    b.edit((tr, at) => tr.delete(at(b.offsetOf(QUOTE)), at(b.offsetOf(QUOTE) + QUOTE.length)));
    sync(a, b);
    expect(a.resolved(anchor, QUOTE)).toBeNull();
  });

  it('detach when the whole paragraph goes, even concurrently with an edit inside it', () => {
    const [a, b] = setup();
    const anchor = a.anchor(QUOTE);
    a.edit((tr, at) => tr.insert(at(a.offsetOf('unge.')), text('!')));
    b.edit((tr, at) => {
      const from = b.offsetOf(QUOTE);
      tr.delete(at(from) - 1, at(b.offsetOf('Avsluttende')) - 1);
    });
    sync(a, b);
    expect(a.text()).not.toContain('etablere');
    expect(a.resolved(anchor, QUOTE)).toBeNull();
  });

  it('never anchor an empty or inverted range', () => {
    const [a] = setup();
    expect(createAnchor(a.fragment, 5, 5)).toBeNull();
    expect(createAnchor(a.fragment, 9, 3)).toBeNull();
  });

  it('pick the occurrence of a re-found quote nearest to where it was', () => {
    expect(findQuote('abc xx abc xx abc', 'abc', 8)).toEqual({ start: 7, end: 10 });
    expect(findQuote('ab\ncd', 'abcd', 0)).toEqual({ start: 0, end: 5 });
    expect(findQuote('nothing here', 'abc', 0)).toBeNull();
  });
});
