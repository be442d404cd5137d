import { Node } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { attributeProblem } from './attributeProblem.js';
import { documentSchema } from './schema.js';
import { CONTENT_FIELD, readJsonFromYDoc, type TiptapJSON } from './ydoc.js';

/** A section body as read from its document: valid Tiptap JSON, or why it cannot be read. */
export type SectionBody = { readable: true; json: TiptapJSON } | { readable: false; problem: string };

/**
 * Reads a section body and checks it against the shared schema; never throws. A document is
 * readable only if nothing but the `content` fragment holds data, the fragment holds XML nodes
 * only, and the JSON they make is a valid document (known nodes and marks, allowed nesting).
 * The JSON returned is canonical: equal content gives equal JSON, whatever its Yjs history.
 */
export function readSectionBody(doc: Y.Doc): SectionBody {
  try {
    for (const [name, type] of doc.share) {
      if (name !== CONTENT_FIELD && holdsData(type)) return { readable: false, problem: `root type «${name}»` };
    }
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    if (hasLiveMapEntries(fragment)) return { readable: false, problem: 'map entries in content' };
    const node = Node.fromJSON(documentSchema(), readJsonFromYDoc(doc));
    node.check();
    const attributes = attributeProblem(node);
    if (attributes) return { readable: false, problem: attributes };
    // ProseMirror's own JSON is the canonical form: the Yjs binding's output differs for equal
    // content (an emptied paragraph keeps an empty text item and reads as `content: []`).
    return { readable: true, json: node.toJSON() as TiptapJSON };
  } catch (error) {
    // Anything a stored update can put into a document must end here, not in the caller.
    return { readable: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

// Yjs' own fields: the count of live sequence items and the map entries (deleted ones included).
type SharedType = Pick<Y.AbstractType<never>, '_length' | '_map'>;

function holdsData(type: SharedType): boolean {
  return type._length > 0 || hasLiveMapEntries(type);
}

function hasLiveMapEntries(type: SharedType): boolean {
  for (const item of type._map.values()) if (!item.deleted) return true;
  return false;
}
