import { CONTENT_FIELD, replaceYDocContent, type TiptapJSON } from '@fellesplan/editor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyRawEdit, rawEdit, type RawEdit } from '../testing/hostileYjsEdits.js';
import { LiveContentCheck } from './liveContentCheck.js';
import { sectionContentProblem, type ContentLimits } from './sectionContentProblem.js';

/**
 * Attack round 11 on the incremental check, as the server runs it: the mirror only ever holds
 * accepted content (a refused update drops it, and it is built again from the document), and a
 * hostile client sends several raw changes in one update, deep inside nested blocks.
 */
const LIMITS: ContentLimits = { maxCharacters: 45, maxDepth: 7 };

const text = (value: string) => ({ type: 'text', text: value });
const p = (value: string): TiptapJSON => ({ type: 'paragraph', content: [text(value)] });
const START: TiptapJSON = {
  type: 'doc',
  content: [
    p('Innledning'),
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [p('en'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('to')] }] }],
        },
      ],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p('celle')] }],
        },
      ],
    },
    { type: 'blockquote', content: [p('sitat')] },
    p('Slutt'),
  ],
};

type Op = RawEdit | { kind: 'undo' };

/** The raw edits of the other property test, and now and then an undo of an earlier one in the batch. */
const op: fc.Arbitrary<Op> = fc.oneof(
  // Without another document's update applied to the client mid-batch: with the batch's undo
  // manager tracking it (origin null), Yjs ends up renaming the client; the other test covers it.
  { weight: 12, arbitrary: rawEdit.filter((edit) => edit.kind !== 'keyedEntry') },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
);

function apply(doc: Y.Doc, undo: Y.UndoManager, o: Op): void {
  if (o.kind === 'undo') undo.undo();
  else applyRawEdit(doc, o);
}

/** The server: the document holds accepted content only; the mirror follows it and checks candidates. */
class Server {
  readonly document = new Y.Doc();
  private mirror: { doc: Y.Doc; check: LiveContentCheck } | null = null;

  constructor() {
    replaceYDocContent(this.document, START, null);
  }

  /** The live verdict; on refusal the mirror is dropped, as PersistenceExtension does. */
  receive(update: Uint8Array): { live: string | null; full: string | null } {
    if (!this.mirror) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.document));
      this.mirror = { doc, check: new LiveContentCheck(doc, LIMITS) };
    }
    Y.applyUpdate(this.mirror.doc, update);
    const live = this.mirror.check.problem();
    const full = sectionContentProblem(this.mirror.doc, LIMITS);
    if (live) {
      this.mirror.check.destroy();
      this.mirror = null;
    } else Y.applyUpdate(this.document, update);
    return { live, full };
  }
}

describe('LiveContentCheck under attack (round 11)', () => {
  it('gives the full check verdict for multi-change raw updates, with the mirror dropped on each refusal', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        (updates, oneTransaction) => {
          const server = new Server();
          let client = new Y.Doc();
          Y.applyUpdate(client, Y.encodeStateAsUpdate(server.document));
          for (const ops of updates) {
            const undo = new Y.UndoManager(client.getXmlFragment(CONTENT_FIELD), { captureTimeout: 0 });
            const before = Y.encodeStateVector(client);
            // Earlier ops of the batch form the undo stack, so an undo in it undoes a change of this batch.
            if (oneTransaction) client.transact(() => ops.forEach((o) => apply(client, undo, o)));
            else for (const o of ops) apply(client, undo, o);
            undo.destroy();
            const update = Y.encodeStateAsUpdate(client, before);
            const { live, full } = server.receive(update);
            expect(live).toBe(full);
            seen.set(String(full), (seen.get(String(full)) ?? 0) + 1);
            if (live) {
              // Refused: the client starts over from the server's copy, as after a reconnect.
              client = new Y.Doc();
              Y.applyUpdate(client, Y.encodeStateAsUpdate(server.document));
            }
          }
        },
      ),
      { numRuns: 300, seed: 11 },
    );
    // The seeded run reached accepted updates and each refusal the crafted changes can cause.
    for (const verdict of ['null', 'foreign-type', 'invalid-content', 'unsafe-link', 'too-large'])
      expect(seen.get(verdict) ?? 0, verdict).toBeGreaterThan(20);
  }, 120_000);
});
