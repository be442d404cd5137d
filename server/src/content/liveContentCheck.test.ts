import { CONTENT_FIELD, readSectionBody, replaceYDocContent, type TiptapJSON } from '@fellesplan/editor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LiveContentCheck } from './liveContentCheck.js';
import { sectionContentProblem, type ContentLimits } from './sectionContentProblem.js';

/** Small bounds, so random edits reach the character limit and the depth limit often. */
const LIMITS: ContentLimits = { maxCharacters: 150, maxDepth: 6 };

const word = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'B', 'Æ', 'ø', ' ', '.') });
const SAFE = 'https://example.org/a';
const UNSAFE = 'javascript:alert(1)';
const link = (href: string) => ({ type: 'link', attrs: { href, target: null, rel: null, class: null, title: null } });

// ---- Edits the editor makes: a ProseMirror document changed and written back by the binding ----

const paragraph = (text: string, marks?: TiptapJSON['marks']): TiptapJSON => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(marks ? { marks } : {}) }],
});
const listOf = (type: 'bulletList' | 'orderedList', items: TiptapJSON[][]): TiptapJSON => ({
  type,
  ...(type === 'orderedList' ? { attrs: { start: 1, type: null } } : {}),
  content: items.map((content) => ({ type: 'listItem', content })),
});

const BLOCKS: ((text: string) => TiptapJSON)[] = [
  (text) => paragraph(text),
  (text) => ({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text }] }),
  (text) => listOf('bulletList', [[paragraph(text), listOf('orderedList', [[paragraph(text)]])]]),
  (text) => ({ type: 'blockquote', content: [paragraph(text, [link(SAFE)])] }),
  (text) => ({ type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text }] }),
  (text) => ({
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text)] }],
      },
    ],
  }),
  () => ({ type: 'horizontalRule' }),
];
const MARK_SETS: TiptapJSON['marks'][] = [
  [],
  [{ type: 'bold' }],
  [{ type: 'italic' }, { type: 'bold' }],
  [link(SAFE)],
  [link(UNSAFE)],
];

type EditorEdit =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'mark'; at: number; marks: number }
  | { kind: 'block'; at: number; block: number; text: string }
  | { kind: 'deleteBlock'; at: number }
  | { kind: 'nest'; at: number };

const editorEdit: fc.Arbitrary<EditorEdit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: word }),
  fc.record({ kind: fc.constant('mark' as const), at: fc.nat(), marks: fc.nat(MARK_SETS.length - 1) }),
  fc.record({ kind: fc.constant('block' as const), at: fc.nat(), block: fc.nat(BLOCKS.length - 1), text: word }),
  fc.record({ kind: fc.constant('deleteBlock' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat() }),
);

function nodesOf(json: TiptapJSON, keep: (node: TiptapJSON) => boolean, into: TiptapJSON[] = []): TiptapJSON[] {
  if (keep(json)) into.push(json);
  for (const child of json.content ?? []) nodesOf(child, keep, into);
  return into;
}

/** The document after the edit, or null where the edit does not apply. */
function edited(json: TiptapJSON, e: EditorEdit): TiptapJSON | null {
  const doc = structuredClone(json);
  const blocks = doc.content ?? [];
  if (e.kind === 'type') {
    const textblocks = nodesOf(doc, (n) => ['paragraph', 'heading', 'codeBlock'].includes(n.type));
    const target = textblocks[e.at % Math.max(textblocks.length, 1)];
    if (!target) return null;
    const content = target.content ?? [];
    content.splice(e.at % (content.length + 1), 0, { type: 'text', text: e.text });
    target.content = content;
  } else if (e.kind === 'mark') {
    const texts = nodesOf(doc, (n) => n.type === 'text');
    const target = texts[e.at % Math.max(texts.length, 1)];
    if (!target) return null;
    const marks = MARK_SETS[e.marks] ?? [];
    if (marks.length > 0) target.marks = marks;
    else delete target.marks;
  } else if (e.kind === 'block') {
    blocks.splice(e.at % (blocks.length + 1), 0, (BLOCKS[e.block] ?? BLOCKS[0]!)(e.text));
  } else if (blocks.length === 0) {
    return null;
  } else if (e.kind === 'deleteBlock') {
    blocks.splice(e.at % blocks.length, 1);
    if (blocks.length === 0) blocks.push(paragraph('x'));
  } else {
    const at = e.at % blocks.length;
    blocks[at] = listOf('bulletList', [[blocks[at]!]]);
  }
  doc.content = blocks;
  return doc;
}

function applyEditorEdit(doc: Y.Doc, e: EditorEdit): void {
  const body = readSectionBody(doc);
  if (!body.readable) return;
  const next = edited(body.json, e);
  if (!next) return;
  try {
    replaceYDocContent(doc, next, 'editor');
  } catch {
    // Not valid under the schema (a mark where it is not allowed): the editor would not make it.
  }
}

// ---- Edits a hostile client makes with raw Yjs ----

const ELEMENT_NAMES = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'listItem',
  'table',
  'tableCell',
  'hardBreak',
  'blink',
  'doc',
  'text',
];
/** Text attributes: marks as the binding writes them (overlapping ones `name--hash`) and ones it never writes. */
const TEXT_ATTRIBUTES: (() => Record<string, unknown> | undefined)[] = [
  () => undefined,
  () => ({ bold: {} }),
  () => ({ bold: null }),
  () => ({ 'italic--AbCd1234': {} }),
  () => ({ link: { href: SAFE } }),
  () => ({ link: { href: UNSAFE } }),
  () => ({ link: { href: UNSAFE } }),
  () => ({ 'link--Zz9+/=aa': { href: UNSAFE } }),
  () => ({ link: { href: 42 } }),
  () => ({ blink: {} }),
  // A format value travels as JSON, so a Y type put here arrives as a plain object.
  () => ({ bold: { nested: [1, { deep: 'x' }] } }),
];
const ELEMENT_ATTRIBUTES: [string, () => unknown][] = [
  ['level', () => 2],
  ['level', () => 1],
  ['level', () => null],
  ['colspan', () => 100_000],
  ['start', () => 3],
  ['class', () => 'x'.repeat(3000)],
  ['nested', () => ({ deep: { value: 1 } })],
  ['shared', () => new Y.Map()],
];

type RawEdit =
  | { kind: 'element'; parent: number; at: number; name: number; withText: boolean }
  | { kind: 'text'; target: number; at: number; text: string; attributes: number }
  | { kind: 'format'; target: number; at: number; length: number; attributes: number }
  | { kind: 'deleteText'; target: number; at: number; length: number }
  | { kind: 'deleteChild'; parent: number; at: number }
  | { kind: 'move'; parent: number; from: number; to: number }
  | { kind: 'attribute'; target: number; attribute: number; remove: boolean }
  | { kind: 'textAttribute'; target: number }
  | { kind: 'embed'; target: number; at: number }
  | { kind: 'deep'; parent: number; depth: number }
  | { kind: 'long'; target: number; length: number }
  | { kind: 'rawChild'; parent: number; value: number }
  | { kind: 'textInFragment'; at: number; text: string }
  | { kind: 'keyedEntry' }
  | { kind: 'foreignRoot' };

const rawEdit: fc.Arbitrary<RawEdit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('element' as const),
      parent: fc.nat(),
      at: fc.nat(),
      name: fc.nat(ELEMENT_NAMES.length - 1),
      withText: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      target: fc.nat(),
      at: fc.nat(),
      text: word,
      attributes: fc.nat(TEXT_ATTRIBUTES.length - 1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('format' as const),
      target: fc.nat(),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 8 }),
      attributes: fc.nat(TEXT_ATTRIBUTES.length - 1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('deleteText' as const),
      target: fc.nat(),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 8 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deleteChild' as const), parent: fc.nat(), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('move' as const), parent: fc.nat(), from: fc.nat(), to: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('attribute' as const),
      target: fc.nat(),
      attribute: fc.nat(ELEMENT_ATTRIBUTES.length - 1),
      remove: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('textAttribute' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('embed' as const), target: fc.nat(), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      parent: fc.nat(),
      depth: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('long' as const),
      target: fc.nat(),
      length: fc.integer({ min: 50, max: 200 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rawChild' as const), parent: fc.nat(), value: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('textInFragment' as const), at: fc.nat(), text: word }) },
  // Both stay for good (Yjs keeps deleted keyed entries), so they come rarely.
  { weight: 1, arbitrary: fc.constant({ kind: 'keyedEntry' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'foreignRoot' as const }) },
);

/** Every XML element and text under the fragment, the fragment first, in document order. */
function typesOf(fragment: Y.XmlFragment): { parents: (Y.XmlFragment | Y.XmlElement)[]; texts: Y.XmlText[] } {
  const parents: (Y.XmlFragment | Y.XmlElement)[] = [fragment];
  const texts: Y.XmlText[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) {
        parents.push(child);
        walk(child);
      } else if (child instanceof Y.XmlText) {
        texts.push(child);
      }
    }
  };
  walk(fragment);
  return { parents, texts };
}

const pick = <T>(list: T[], index: number): T | undefined => list[index % Math.max(list.length, 1)];
/** Yjs takes any value at runtime; a hostile client sends what the types forbid. */
const insertAny = (parent: Y.XmlFragment | Y.XmlElement, at: number, values: unknown[]) =>
  parent.insert(at % (parent.length + 1), values as Y.XmlElement[]);

function applyRawEdit(doc: Y.Doc, e: RawEdit): void {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const { parents, texts } = typesOf(fragment);
  switch (e.kind) {
    case 'element': {
      const element = new Y.XmlElement(ELEMENT_NAMES[e.name] ?? 'paragraph');
      if (e.withText) element.insert(0, [new Y.XmlText('ny')]);
      insertAny(pick(parents, e.parent) ?? fragment, e.at, [element]);
      return;
    }
    case 'text': {
      const text = pick(texts, e.target);
      text?.insert(e.at % (text.length + 1), e.text, TEXT_ATTRIBUTES[e.attributes]?.() as Record<string, string>);
      return;
    }
    case 'format': {
      const text = pick(texts, e.target);
      if (!text || text.length === 0) return;
      const at = e.at % text.length;
      const attributes = (TEXT_ATTRIBUTES[e.attributes]?.() ?? { bold: {} }) as Record<string, string>;
      text.format(at, Math.min(e.length, text.length - at), attributes);
      return;
    }
    case 'deleteText': {
      const text = pick(texts, e.target);
      if (!text || text.length === 0) return;
      const at = e.at % text.length;
      text.delete(at, Math.min(e.length, text.length - at));
      return;
    }
    case 'deleteChild': {
      const parent = pick(parents, e.parent);
      if (parent && parent.length > 0) parent.delete(e.at % parent.length, 1);
      return;
    }
    case 'move': {
      // Yjs has no move: a copy is inserted and the original deleted, as the binding does.
      const parent = pick(parents, e.parent);
      if (!parent || parent.length === 0) return;
      const from = e.from % parent.length;
      const child = parent.get(from);
      if (!(child instanceof Y.XmlElement || child instanceof Y.XmlText)) return;
      const copy = child.clone();
      parent.delete(from, 1);
      insertAny(parent, e.to, [copy]);
      return;
    }
    case 'attribute': {
      const target = pick(parents.slice(1), e.target);
      const [key, value] = ELEMENT_ATTRIBUTES[e.attribute] ?? ['level', () => 2];
      if (!(target instanceof Y.XmlElement)) return;
      if (e.remove) target.removeAttribute(key);
      else target.setAttribute(key, value() as string);
      return;
    }
    case 'textAttribute':
      pick(texts, e.target)?.setAttribute('x', 'y');
      return;
    case 'embed': {
      const text = pick(texts, e.target);
      text?.insertEmbed(e.at % (text.length + 1), { image: 'x' });
      return;
    }
    case 'deep': {
      let top = new Y.XmlElement('blockquote');
      for (let i = 1; i < e.depth; i++) {
        const outer = new Y.XmlElement('blockquote');
        outer.insert(0, [top]);
        top = outer;
      }
      insertAny(pick(parents, e.parent) ?? fragment, 0, [top]);
      return;
    }
    case 'long': {
      const text = pick(texts, e.target);
      text?.insert(0, 'x'.repeat(e.length));
      return;
    }
    case 'rawChild': {
      const value = [42, new Y.Map(), new Y.Array()][e.value];
      insertAny(pick(parents, e.parent) ?? fragment, 0, [value]);
      return;
    }
    case 'textInFragment':
      insertAny(fragment, e.at, [new Y.XmlText(e.text)]);
      return;
    case 'keyedEntry': {
      // Another client's view of `content` as a map; its update lands in the fragment's keyed entries.
      const other = new Y.Doc();
      other.getMap(CONTENT_FIELD).set('k', 'v');
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
      return;
    }
    case 'foreignRoot':
      doc.getMap('annet').set('x', 1);
      return;
  }
}

// ---- The run: clients edit, their updates reach the server document the check follows ----

type Step =
  | { kind: 'editor'; client: number; edit: EditorEdit }
  | { kind: 'raw'; client: number; edit: RawEdit }
  | { kind: 'sync'; client: number }
  | { kind: 'undo' | 'redo'; client: number }
  | { kind: 'rebuild' };

const client = fc.nat(1);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('editor' as const), client, edit: editorEdit }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('raw' as const), client, edit: rawEdit }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), client }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('undo' as const, 'redo' as const), client }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'rebuild' as const }) },
);

const FROM_SERVER = Symbol('from server');

class Run {
  server = new Y.Doc();
  check = new LiveContentCheck(this.server, LIMITS);
  readonly clients: Y.Doc[] = [new Y.Doc(), new Y.Doc()];
  readonly undo = this.clients.map(
    (doc) => new Y.UndoManager(doc.getXmlFragment(CONTENT_FIELD), { captureTimeout: 0 }),
  );

  constructor() {
    for (const doc of this.clients)
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        // Each client's own edits reach the server at once; it hears the others' only when synced.
        if (origin !== FROM_SERVER) Y.applyUpdate(this.server, update);
      });
  }

  apply(s: Step): void {
    if (s.kind === 'rebuild') {
      // The mirror dropped and built again from the document: a new check with nothing cached.
      this.check.destroy();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.server));
      this.server = doc;
      this.check = new LiveContentCheck(doc, LIMITS);
      return;
    }
    const doc = this.clients[s.client]!;
    if (s.kind === 'sync')
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(doc)), FROM_SERVER);
    else if (s.kind === 'editor') applyEditorEdit(doc, s.edit);
    else if (s.kind === 'raw') doc.transact(() => applyRawEdit(doc, s.edit));
    // Undo restores a deleted block as a new one; redo deletes that again.
    else if (s.kind === 'undo') this.undo[s.client]!.undo();
    else this.undo[s.client]!.redo();
  }
}

describe('LiveContentCheck', () => {
  it('gives the verdict of sectionContentProblem from scratch after every update, code included', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'large' }), (steps) => {
        const run = new Run();
        for (const s of steps) {
          run.apply(s);
          const expected = sectionContentProblem(run.server, LIMITS);
          expect(run.check.problem()).toBe(expected);
          seen.set(String(expected), (seen.get(String(expected)) ?? 0) + 1);
        }
      }),
      { numRuns: 200, seed: 20261124 },
    );
    // The run reached every verdict, each many times (not a timing: counts of a seeded run).
    for (const verdict of ['null', 'foreign-type', 'invalid-content', 'unsafe-link', 'too-large'])
      expect(seen.get(verdict) ?? 0, verdict).toBeGreaterThan(50);
    // Some seconds alone; more on a loaded machine.
  }, 120_000);

  it('follows the document from scratch when built on one that already holds content', () => {
    const doc = new Y.Doc();
    replaceYDocContent(doc, { type: 'doc', content: [paragraph('Hei', [link(UNSAFE)])] }, null);
    const check = new LiveContentCheck(doc);
    expect(check.problem()).toBe('unsafe-link');
    replaceYDocContent(doc, { type: 'doc', content: [paragraph('Hei', [link(SAFE)])] }, null);
    expect(check.problem()).toBe(null);
  });

  it('stops following the document once destroyed', () => {
    const doc = new Y.Doc();
    const check = new LiveContentCheck(doc);
    replaceYDocContent(doc, { type: 'doc', content: [paragraph('Hei')] }, null);
    expect(check.problem()).toBe(null);
    check.destroy();
    expect(doc._observers.get('afterTransaction')?.size ?? 0).toBe(0);
  });
});
