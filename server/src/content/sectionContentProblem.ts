import { CONTENT_FIELD, documentSchema, isAllowedHref, readSectionBody, type TiptapJSON } from '@fellesplan/editor';
import { SECTION_LIMITS } from '@fellesplan/domain';
import * as Y from 'yjs';

/** Why a section body cannot be accepted; each is logged and sent as the close reason. */
export type ContentProblem = 'foreign-type' | 'invalid-content' | 'unsafe-link' | 'too-large';

/**
 * Whether a section document holds exactly what the editor can show: one `Y.XmlFragment`
 * named `content`, made only of elements and text the shared Tiptap schema knows, with safe
 * links. Anything else (another root type, a `Y.Map` or a number inside `content`, unknown
 * nodes, marks or embeds) would make every reader of the section fail, so it is refused.
 */
export function sectionContentProblem(doc: Y.Doc): ContentProblem | null {
  for (const name of doc.share.keys()) if (name !== CONTENT_FIELD) return 'foreign-type';
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  // A root fragment never holds keyed entries; Yjs would keep them out of every reader's sight.
  if (fragment._map.size > 0) return 'foreign-type';
  const budget = { characters: SECTION_LIMITS.maxCharacters };
  const structure = structureProblem(fragment, 0, budget);
  if (structure) return structure;
  const body = readSectionBody(doc);
  if (!body.readable) return 'invalid-content';
  return hasUnsafeLink(body.json) ? 'unsafe-link' : null;
}

/** Only XML elements and text, all the way down and within bounds, before the schema looks at names. */
function structureProblem(
  type: Y.XmlFragment | Y.XmlElement,
  depth: number,
  budget: { characters: number },
): ContentProblem | null {
  // Readers (the binding, ProseMirror, exports) recurse per level: a deep tree breaks them first.
  if (depth > SECTION_LIMITS.maxDepth) return 'invalid-content';
  const schema = documentSchema();
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlElement) {
      const nodeType = schema.nodes[child.nodeName];
      if (!nodeType || nodeType.isText || nodeType === schema.topNodeType) return 'invalid-content';
      for (const value of Object.values(child.getAttributes())) if (!isPlainValue(value)) return 'foreign-type';
      const inner = structureProblem(child, depth + 1, budget);
      if (inner) return inner;
    } else if (child instanceof Y.XmlText) {
      if (child._map.size > 0) return 'foreign-type';
      budget.characters -= child.length;
      if (budget.characters < 0) return 'too-large';
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') return 'invalid-content';
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          // y-prosemirror names overlapping marks `name--hash`.
          if (!schema.marks[key.split('--')[0] ?? '']) return 'invalid-content';
          if (!isPlainValue(value)) return 'foreign-type';
        }
      }
    } else {
      return 'foreign-type';
    }
  }
  return null;
}

function isPlainValue(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (value instanceof Y.AbstractType || value instanceof Uint8Array || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).every(isPlainValue);
}

function hasUnsafeLink(node: TiptapJSON): boolean {
  for (const mark of node.marks ?? []) {
    const href = mark.attrs?.href;
    if (mark.type === 'link' && (typeof href !== 'string' || !isAllowedHref(href))) return true;
  }
  return (node.content ?? []).some(hasUnsafeLink);
}
