import { CONTENT_FIELD, readSectionBody, replaceYDocContent, type TiptapJSON } from '@fellesplan/editor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyRawEdit, rawEdit, SAFE, UNSAFE, word, type RawEdit } from '../testing/hostileYjsEdits.js';
import { LiveContentCheck } from './liveContentCheck.js';
import { sectionContentProblem, type ContentLimits } from './sectionContentProblem.js';

/** Small bounds, so random edits reach the character limit and the depth limit often. */
const LIMITS: ContentLimits = { maxCharacters: 150, maxDepth: 6 };

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
