import {
  CONTENT_FIELD,
  allowsTopLevel,
  documentSchema,
  readSectionBlock,
  type SectionBlock,
  type TiptapJSON,
} from '@fellesplan/editor';
import { SECTION_LIMITS } from '@fellesplan/domain';
import * as Y from 'yjs';
import {
  childStructureProblem,
  hasUnsafeLink,
  rootProblem,
  sectionContentProblem,
  type ContentLimits,
  type ContentProblem,
} from './sectionContentProblem.js';

// Any Yjs type: only its place in the tree is looked at (Yjs types are invariant in their event type).
type SharedType = Pick<Y.AbstractType<never>, '_item'>;
type BlockType = Extract<SectionBlock, { readable: true }>['node']['type'];

/** What the full check finds inside one top-level block, which is a function of that block alone. */
interface BlockVerdict {
  /** The first problem of the structure walk in the block, the character limit aside. */
  structure: ContentProblem | null;
  /** Characters the walk counted before it stopped: all of the block's when `structure` is null. */
  characters: number;
  /** With a sound structure: the block's node type if the schema reads the block, else null. */
  type: BlockType | null;
  unsafeLink: boolean;
}

/**
 * `sectionContentProblem` of a document that keeps changing, at the cost of the change rather
 * than of the document: the same answer, code included, after every transaction.
 *
 * The full check decomposes: the root types, then a structure walk in document order that stops at
 * the first problem and counts characters against one limit, then the schema (every block readable,
 * and their types in an order the doc node allows), then links. Everything but the root types, the
 * order of block types and the running character count is a function of one top-level block
 * (its depth is always 1), so it is cached per block by the block's Y type. A cached verdict is
 * dropped whenever a transaction changes that block or anything inside it: Yjs lists in
 * `transaction.changed` every type that existed before the transaction and got an insertion,
 * deletion, format or attribute, and a type made in the transaction hangs below one that did.
 * Yjs has no move or undelete: a block deleted and restored or moved is a new type, so a deleted
 * block's verdict is never read again. What the decomposition does not cover (anything but an
 * element straight in the fragment) goes to the full check.
 *
 * While every block's structure is sound (any body the server accepts) the blocks' counts are
 * kept as running sums, so a keystroke costs one block, not a pass over all of them; a change to
 * the fragment itself (a block added or removed) or a block with a structure problem sums afresh.
 */
export class LiveContentCheck {
  private blocks = new WeakMap<object, BlockVerdict>();
  /** Sums over the fragment's blocks as they were at the last answer; null when they must be summed afresh. */
  private summary: Summary | null = null;
  /** Blocks changed since `summary`, with the verdict it counted for each. */
  private readonly stale = new Map<object, BlockVerdict>();
  private readonly onTransaction = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) this.forget(type);
  };

  /** Follow `doc` from now on; the cache starts empty, so `doc` may already hold content. */
  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: ContentLimits = SECTION_LIMITS,
  ) {
    doc.on('afterTransaction', this.onTransaction);
  }

  problem(): ContentProblem | null {
    const root = rootProblem(this.doc);
    if (root) return root;
    const summary = this.summary ? this.updated(this.summary) : this.summed();
    if (typeof summary === 'string' || summary === null) return summary;
    if (summary.characters > this.limits.maxCharacters) return 'too-large';
    // An empty fragment reads as one empty paragraph, which the doc node allows.
    if (summary.unreadable > 0 || !summary.orderAllowed) return 'invalid-content';
    return summary.unsafeLinks > 0 ? 'unsafe-link' : null;
  }

  /** Stop following the document; a document dropped and rebuilt gets a new check. */
  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  /**
   * Every block in order, as the full walk goes: the first structure problem is the answer (or the
   * character limit, if the characters before it pass it). Null stands for no problem in an
   * empty fragment.
   */
  private summed(): Summary | ContentProblem | null {
    this.stale.clear();
    const types: BlockType[] = [];
    const summary: Summary = { characters: 0, unreadable: 0, unsafeLinks: 0, orderAllowed: true };
    for (const child of this.doc.getXmlFragment(CONTENT_FIELD).toArray()) {
      // Text straight in the fragment: the binding reads it as an array among nodes, no block.
      if (!(child instanceof Y.XmlElement)) return sectionContentProblem(this.doc, this.limits);
      const verdict = this.verdictOf(child);
      if (verdict.structure)
        return summary.characters + verdict.characters > this.limits.maxCharacters ? 'too-large' : verdict.structure;
      add(summary, verdict, 1);
      if (summary.characters > this.limits.maxCharacters) return 'too-large';
      // A sound structure means the schema knows the name, and the name of a Y element never changes.
      types.push(documentSchema().nodes[child.nodeName] as BlockType);
    }
    summary.orderAllowed = types.length === 0 || allowsTopLevel(types);
    this.summary = summary;
    return summary;
  }

  /** The last sums with the changed blocks counted again; summed afresh if one lost its sound structure. */
  private updated(summary: Summary): Summary | ContentProblem | null {
    for (const [block, before] of this.stale) {
      const verdict = this.verdictOf(block as Y.XmlElement);
      if (verdict.structure) {
        this.summary = null;
        return this.summed();
      }
      add(summary, before, -1);
      add(summary, verdict, 1);
    }
    this.stale.clear();
    return summary;
  }

  private verdictOf(block: Y.XmlElement): BlockVerdict {
    const cached = this.blocks.get(block);
    if (cached) return cached;
    const tally = { counted: 0, limit: Infinity };
    const structure = childStructureProblem(block, 0, tally, this.limits.maxDepth);
    let type: BlockType | null = null;
    let unsafeLink = false;
    if (!structure) {
      const read = readSectionBlock(block);
      if (read.readable) {
        type = read.node.type;
        unsafeLink = hasUnsafeLink(read.node.toJSON() as TiptapJSON);
      }
    }
    const verdict = { structure, characters: tally.counted, type, unsafeLink };
    this.blocks.set(block, verdict);
    return verdict;
  }

  /** Drops the verdict of the top-level block `type` is or lies in, under whichever root. */
  private forget(type: SharedType): void {
    let top: SharedType | null = null;
    let current: SharedType = type;
    while (current._item !== null) {
      const parent = current._item.parent;
      if (!(parent instanceof Y.AbstractType)) {
        // Not integrated in the usual way: trust nothing kept.
        this.blocks = new WeakMap();
        this.summary = null;
        return;
      }
      top = current;
      current = parent;
    }
    // A root changed (blocks added or removed, keyed entries): the order and the sums are redone.
    if (!top) {
      this.summary = null;
      return;
    }
    const cached = this.blocks.get(top);
    this.blocks.delete(top);
    if (!this.summary || this.stale.has(top) || current !== this.doc.share.get(CONTENT_FIELD)) return;
    // Every block the sums counted has a cached verdict; one without is not among them.
    if (cached) this.stale.set(top, cached);
    else this.summary = null;
  }
}

/** What the sums of a fragment whose blocks all have a sound structure need to answer. */
interface Summary {
  characters: number;
  unreadable: number;
  unsafeLinks: number;
  orderAllowed: boolean;
}

function add(summary: Summary, verdict: BlockVerdict, sign: 1 | -1): void {
  summary.characters += sign * verdict.characters;
  if (!verdict.type) summary.unreadable += sign;
  if (verdict.unsafeLink) summary.unsafeLinks += sign;
}
