import { Node, type NodeType } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { attributeProblem } from './attributeProblem.js';
import { documentSchema } from './schema.js';
import type { TiptapJSON } from './ydoc.js';

/** One top-level block of a section body: its valid node, or why it cannot be read. */
export type SectionBlock = { readable: true; node: Node } | { readable: false; problem: string };

/**
 * Reads one top-level element of a section body as `readSectionBody` reads it inside the whole
 * document (the same JSON, `Node.fromJSON`, `check()` and attribute bounds); never throws. A
 * body of elements is readable exactly when each of its blocks is and `allowsTopLevel` accepts
 * their types in order: so a body can be re-checked one changed block at a time.
 */
export function readSectionBlock(element: Y.XmlElement): SectionBlock {
  try {
    const schema = documentSchema();
    const node = Node.fromJSON(schema, blockJson(element));
    node.check();
    // The doc node's own check of its children's marks (ProseMirror's `checkContent`).
    if (!schema.topNodeType.allowsMarks(node.marks)) return { readable: false, problem: 'marks on a block' };
    // `attributeProblem` looks at the descendants of a doc, so the block goes into one of its own.
    const attributes = attributeProblem(schema.topNodeType.create(null, node));
    if (attributes) return { readable: false, problem: attributes };
    return { readable: true, node };
  } catch (error) {
    return { readable: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether the doc node's content expression accepts top-level blocks of these types, in this order. */
export function allowsTopLevel(types: Iterable<NodeType>): boolean {
  let match = documentSchema().topNodeType.contentMatch;
  for (const type of types) {
    const next = match.matchType(type);
    if (!next) return false;
    match = next;
  }
  return match.validEnd;
}

/**
 * The binding's JSON of an element as it is inside a document: the binding's converter applied to
 * the element's children (it takes any fragment) gives each text child's nodes as an array of
 * their own, which inside an element the binding flattens into the content.
 */
function blockJson(element: Y.XmlElement): TiptapJSON {
  const children = (yXmlFragmentToProsemirrorJSON(element) as { content: (TiptapJSON | TiptapJSON[])[] }).content;
  const json: TiptapJSON = { type: element.nodeName };
  const attrs = element.getAttributes() as Record<string, unknown>;
  if (Object.keys(attrs).length) json.attrs = attrs;
  if (children.length) json.content = children.flat();
  return json;
}
