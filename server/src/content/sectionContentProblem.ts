import { CONTENT_FIELD, documentSchema, isAllowedHref, readSectionBody, type TiptapJSON } from '@fellesplan/editor';
import { SECTION_LIMITS } from '@fellesplan/domain';
import * as Y from 'yjs';

/** Why a section body cannot be accepted; each is logged and sent as the close reason. */
export type ContentProblem = 'foreign-type' | 'invalid-content' | 'unsafe-link' | 'too-large';

/** The bounds a body is checked against; tests pass small ones to reach them quickly. */
export interface ContentLimits {
  maxCharacters: number;
  maxDepth: number;
}

/** Characters of text seen so far by a structure walk, and how many it may see. */
export interface CharacterTally {
  counted: number;
  limit: number;
}

/**
 * Whether a section document holds exactly what the editor can show: one `Y.XmlFragment`
 * named `content`, made only of elements and text the shared Tiptap schema knows, with safe
 * links. Anything else (another root type, a `Y.Map` or a number inside `content`, unknown
 * nodes, marks or embeds) would make every reader of the section fail, so it is refused.
 * `LiveContentCheck` gives the same answer for a document that changes, at the cost of the change.
 */
export function sectionContentProblem(doc: Y.Doc, limits: ContentLimits = SECTION_LIMITS): ContentProblem | null {
  const root = rootProblem(doc);
  if (root) return root;
  const tally = { counted: 0, limit: limits.maxCharacters };
  const structure = structureProblem(doc.getXmlFragment(CONTENT_FIELD), 0, tally, limits.maxDepth);
  if (structure) return structure;
  const body = readSectionBody(doc);
  if (!body.readable) return 'invalid-content';
  return hasUnsafeLink(body.json) ? 'unsafe-link' : null;
}

/** Anything beside the `content` fragment's sequence: other root types, keyed entries on it. */
export function rootProblem(doc: Y.Doc): ContentProblem | null {
  for (const name of doc.share.keys()) if (name !== CONTENT_FIELD) return 'foreign-type';
  // A root fragment never holds keyed entries; Yjs would keep them out of every reader's sight.
  return doc.getXmlFragment(CONTENT_FIELD)._map.size > 0 ? 'foreign-type' : null;
}

/** Only XML elements and text, all the way down and within bounds, before the schema looks at names. */
function structureProblem(
  type: Y.XmlFragment | Y.XmlElement,
  depth: number,
  tally: CharacterTally,
  maxDepth: number,
): ContentProblem | null {
  // Readers (the binding, ProseMirror, exports) recurse per level: a deep tree breaks them first.
  if (depth > maxDepth) return 'invalid-content';
  for (const child of type.toArray()) {
    const problem = childStructureProblem(child, depth, tally, maxDepth);
    if (problem) return problem;
  }
  return null;
}

/**
 * The structure walk of one child of a node at `depth`, in document order; it stops at the first
 * problem, having counted into `tally` every character it saw before it.
 */
export function childStructureProblem(
  child: unknown,
  depth: number,
  tally: CharacterTally,
  maxDepth: number,
): ContentProblem | null {
  const schema = documentSchema();
  if (child instanceof Y.XmlElement) {
    const nodeType = schema.nodes[child.nodeName];
    if (!nodeType || nodeType.isText || nodeType === schema.topNodeType) return 'invalid-content';
    for (const value of Object.values(child.getAttributes())) if (!isPlainValue(value)) return 'foreign-type';
    return structureProblem(child, depth + 1, tally, maxDepth);
  }
  if (child instanceof Y.XmlText) {
    if (child._map.size > 0) return 'foreign-type';
    tally.counted += child.length;
    if (tally.counted > tally.limit) return 'too-large';
    for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof op.insert !== 'string') return 'invalid-content';
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        // y-prosemirror names overlapping marks `name--hash`.
        if (!schema.marks[key.split('--')[0] ?? '']) return 'invalid-content';
        if (!isPlainValue(value)) return 'foreign-type';
      }
    }
    return null;
  }
  return 'foreign-type';
}

function isPlainValue(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (value instanceof Y.AbstractType || value instanceof Uint8Array || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).every(isPlainValue);
}

export function hasUnsafeLink(node: TiptapJSON): boolean {
  for (const mark of node.marks ?? []) {
    const href = mark.attrs?.href;
    if (mark.type === 'link' && (typeof href !== 'string' || !isAllowedHref(href))) return true;
  }
  return (node.content ?? []).some(hasUnsafeLink);
}
