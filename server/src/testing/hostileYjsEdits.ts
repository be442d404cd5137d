import fc from 'fast-check';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '@fellesplan/editor';

/**
 * Edits a hostile client makes with raw Yjs on a section document: elements, marks and attributes
 * the editor never writes, values the types forbid, depth and length past the limits, and changes
 * outside the content fragment. For property tests of the content checks; each edit is written
 * against the document as it is, so any sequence applies.
 */

export const word = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'B', 'Æ', 'ø', ' ', '.') });
export const SAFE = 'https://example.org/a';
export const UNSAFE = 'javascript:alert(1)';

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
  'image',
  'codeBlock',
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
  () => ({ 'bold--abc': {} }),
  // A format value travels as JSON, so a Y type put here arrives as a plain object.
  () => ({ bold: { nested: [1, { deep: 'x' }] } }),
];
const ELEMENT_ATTRIBUTES: [string, () => unknown][] = [
  ['level', () => 2],
  ['level', () => 1],
  ['level', () => 9],
  ['start', () => 'x'],
  ['language', () => null],
  ['colspan', () => 2],
  ['level', () => null],
  ['colspan', () => 100_000],
  ['start', () => 3],
  ['class', () => 'x'.repeat(3000)],
  ['nested', () => ({ deep: { value: 1 } })],
  ['shared', () => new Y.Map()],
];

export type RawEdit =
  | { kind: 'element'; parent: number; at: number; name: number; inner: number | null; withText: boolean }
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

export const rawEdit: fc.Arbitrary<RawEdit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('element' as const),
      parent: fc.nat(),
      at: fc.nat(),
      name: fc.nat(ELEMENT_NAMES.length - 1),
      inner: fc.option(fc.nat(ELEMENT_NAMES.length - 1)),
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
export function typesOf(fragment: Y.XmlFragment): { parents: (Y.XmlFragment | Y.XmlElement)[]; texts: Y.XmlText[] } {
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

export function applyRawEdit(doc: Y.Doc, e: RawEdit): void {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const { parents, texts } = typesOf(fragment);
  switch (e.kind) {
    case 'element': {
      const element = new Y.XmlElement(ELEMENT_NAMES[e.name] ?? 'paragraph');
      // A whole subtree in one change, the text (if any) at its bottom.
      const inner = e.inner === null ? element : new Y.XmlElement(ELEMENT_NAMES[e.inner] ?? 'paragraph');
      if (e.withText) inner.insert(0, [new Y.XmlText('ny')]);
      if (inner !== element) element.insert(0, [inner]);
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
