import { describe, expect, it } from 'vitest';
import type { TiptapJSON } from '../ydoc.js';
import { diffBodies } from './diffBodies.js';
import { diffSideText } from './diffSide.js';

type Inline = TiptapJSON;
const t = (text: string, ...marks: string[]): Inline => ({
  type: 'text',
  text,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
const p = (...content: (Inline | string)[]): TiptapJSON => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? t(c) : c)),
});
const h = (level: number, text: string): TiptapJSON => ({ type: 'heading', attrs: { level }, content: [t(text)] });
const doc = (...content: TiptapJSON[]): TiptapJSON => ({ type: 'doc', content });
const ul = (...items: string[]): TiptapJSON => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
});
const table = (...rows: string[][]): TiptapJSON => ({
  type: 'table',
  content: rows.map((row) => ({
    type: 'tableRow',
    content: row.map((cell) => ({ type: 'tableCell', content: [p(cell)] })),
  })),
});

interface Piece {
  text: string;
  marks: string[];
}

/** The merged document's text pieces carrying diff marks, in order, as a reader sees them. */
function marked(json: unknown, mark: string): string[] {
  const out: string[] = [];
  let run = '';
  const walk = (node: { text?: string; marks?: { type: string }[]; content?: unknown[] }) => {
    if (typeof node.text === 'string') {
      if (node.marks?.some((m) => m.type === mark)) {
        run += node.text;
        return;
      }
      if (run) out.push(run);
      run = '';
      return;
    }
    for (const child of node.content ?? []) walk(child as typeof node);
    if (run) out.push(run);
    run = '';
  };
  walk(json as Parameters<typeof walk>[0]);
  return out;
}

function blocks(json: unknown): { type: string; diff: unknown; text: string }[] {
  const out: { type: string; diff: unknown; text: string }[] = [];
  const walk = (node: { type: string; attrs?: Record<string, unknown>; text?: string; content?: unknown[] }) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const pieces = (node.content ?? []) as Piece[];
      out.push({ type: node.type, diff: node.attrs?.diff ?? null, text: pieces.map((x) => x.text).join('') });
      return;
    }
    for (const child of node.content ?? []) walk(child as typeof node);
  };
  walk(json as Parameters<typeof walk>[0]);
  return out;
}

describe('diffBodies', () => {
  it('finds no change between identical formatted bodies', () => {
    const body = doc(h(2, 'Mål'), p('Vi skal ', t('styrke', 'bold'), ' samhandlingen.'), ul('én', 'to'));
    const diff = diffBodies(body, structuredClone(body));
    expect(diff.changed).toBe(false);
    expect(diff.counts).toEqual({ paragraphs: 0, wordsInserted: 0, wordsDeleted: 0, moved: 0, formatted: 0 });
    expect(diff.doc).toEqual(body);
  });

  it('shows inserted words inside formatted text, keeping the formatting', () => {
    const before = doc(p('Vi skal ', t('styrke', 'italic'), ' samhandlingen.'));
    const after = doc(p('Vi skal ', t('styrke', 'italic'), ' den gode samhandlingen.'));
    const diff = diffBodies(before, after);
    expect(marked(diff.doc, 'diffInsert')).toEqual(['den gode ']);
    expect(marked(diff.doc, 'diffDelete')).toEqual([]);
    expect(diff.counts).toMatchObject({ paragraphs: 1, wordsInserted: 2, wordsDeleted: 0 });
    expect(JSON.stringify(diff.doc)).toContain('"italic"');
  });

  it('shows deleted words in place, and a changed word as the whole word out and in', () => {
    const before = doc(p('Kommunen og helseforetaket skal samarbeide tett om eldre.'));
    const after = doc(p('Kommunen skal samarbeide godt om eldre.'));
    const diff = diffBodies(before, after);
    expect(marked(diff.doc, 'diffDelete')).toEqual(['og helseforetaket ', 'tett']);
    expect(marked(diff.doc, 'diffInsert')).toEqual(['godt']);
    expect(diff.counts).toMatchObject({ paragraphs: 1, wordsInserted: 1, wordsDeleted: 3 });
  });

  it('shows a new paragraph and a deleted paragraph as whole blocks', () => {
    const before = doc(
      p('Første avsnitt om barn og unge.'),
      p('Andre avsnitt som skal bort.'),
      p('Tredje avsnitt blir.'),
    );
    const after = doc(p('Første avsnitt om barn og unge.'), p('Tredje avsnitt blir.'), p('Et nytt avsnitt om rus.'));
    const diff = diffBodies(before, after);
    expect(blocks(diff.doc)).toEqual([
      { type: 'paragraph', diff: null, text: 'Første avsnitt om barn og unge.' },
      { type: 'paragraph', diff: 'delete', text: 'Andre avsnitt som skal bort.' },
      { type: 'paragraph', diff: null, text: 'Tredje avsnitt blir.' },
      { type: 'paragraph', diff: 'insert', text: 'Et nytt avsnitt om rus.' },
    ]);
    expect(diff.counts).toMatchObject({ paragraphs: 2, wordsInserted: 5, wordsDeleted: 5 });
  });

  it('shows a moved paragraph where it was and where it is, counted as one move', () => {
    const one = p('Skrøpelige eldre skal få hjelp hjemme.');
    const two = p('Akuttkjeden skal henge sammen.');
    const three = p('Digitale løsninger skal deles.');
    const diff = diffBodies(doc(one, two, three), doc(two, three, one));
    expect(blocks(diff.doc).map((b) => b.diff)).toEqual(['moveFrom', null, null, 'moveTo']);
    expect(diff.counts).toMatchObject({ paragraphs: 1, moved: 1, wordsInserted: 0, wordsDeleted: 0 });
  });

  it('shows formatting changed on unchanged text, naming what was added and removed', () => {
    const before = doc(p('Dette er ', t('viktig', 'italic'), ' for alle.'));
    const after = doc(p('Dette er ', t('viktig', 'bold'), ' for alle.'));
    const diff = diffBodies(before, after);
    expect(marked(diff.doc, 'diffInsert')).toEqual([]);
    expect(marked(diff.doc, 'diffDelete')).toEqual([]);
    expect(marked(diff.doc, 'diffFormat')).toEqual(['viktig']);
    expect(JSON.stringify(diff.doc)).toContain('{"type":"diffFormat","attrs":{"added":["bold"],"removed":["italic"]}}');
    expect(diff.counts).toMatchObject({ paragraphs: 1, formatted: 1, wordsInserted: 0 });
  });

  it('shows a paragraph turned into a heading as a formatting change of the block', () => {
    const diff = diffBodies(doc(p('Mål'), p('Tekst.')), doc(h(3, 'Mål'), p('Tekst.')));
    expect(blocks(diff.doc)[0]).toEqual({ type: 'heading', diff: 'format', text: 'Mål' });
    expect(JSON.stringify(diff.doc)).toContain('"diffWas":"paragraph"');
    expect(diff.counts).toMatchObject({ paragraphs: 1, formatted: 1 });
  });

  it('shows an edit in one table cell inside that cell only', () => {
    const before = doc(table(['Tiltak', 'Ansvar'], ['Felles journal', 'Kommunen']));
    const after = doc(table(['Tiltak', 'Ansvar'], ['Felles journal', 'Helseforetaket']));
    const diff = diffBodies(before, after);
    expect(marked(diff.doc, 'diffDelete')).toEqual(['Kommunen']);
    expect(marked(diff.doc, 'diffInsert')).toEqual(['Helseforetaket']);
    const rows = (diff.doc as TiptapJSON).content![0]!.content!;
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows[1]!.content![1])).toContain('Helseforetaket');
    expect(JSON.stringify(rows[1]!.content![0])).not.toContain('diff');
    expect(diff.counts).toMatchObject({ paragraphs: 1, wordsInserted: 1, wordsDeleted: 1 });
  });

  it('shows list items added and edited', () => {
    const diff = diffBodies(doc(ul('Barn og unge', 'Eldre')), doc(ul('Barn og unge', 'Skrøpelige eldre', 'Rus')));
    expect(marked(diff.doc, 'diffDelete')).toEqual(['Eldre']);
    expect(marked(diff.doc, 'diffInsert')).toEqual(['Skrøpelige eldre', 'Rus']);
    expect(blocks(diff.doc).map((b) => b.text)).toEqual(['Barn og unge', 'EldreSkrøpelige eldre', 'Rus']);
    expect(diff.counts).toMatchObject({ paragraphs: 2, wordsInserted: 3, wordsDeleted: 1 });
  });

  it('compares an empty body with a full one both ways', () => {
    const empty = doc(p());
    const full = doc(h(2, 'Innledning'), p('Planen gjelder ', t('2027–2030', 'bold'), '.'));
    const added = diffBodies(empty, full);
    expect(added.counts).toMatchObject({ wordsInserted: 4, wordsDeleted: 0, paragraphs: 2 });
    expect(diffSideText(added.doc, 'before')).toBe('');
    expect(diffSideText(added.doc, 'after')).toBe('InnledningPlanen gjelder 2027–2030.');
    const removed = diffBodies(full, empty);
    expect(removed.counts).toMatchObject({ wordsInserted: 0, wordsDeleted: 4, paragraphs: 2 });
    expect(blocks(removed.doc).filter((b) => b.text)).toEqual([
      { type: 'heading', diff: 'delete', text: 'Innledning' },
      { type: 'paragraph', diff: 'delete', text: 'Planen gjelder 2027–2030.' },
    ]);
  });

  it('rejects a body the schema does not know', () => {
    expect(() => diffBodies(doc(p('x')), { type: 'doc', content: [{ type: 'script', text: 'x' }] })).toThrow();
  });
});
