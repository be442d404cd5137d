import { jsonFromDom, stripDisallowedLinks, writeJsonToYDoc, type TiptapJSON } from '@fellesplan/editor';
import { IMPORT_LIMITS, INPUT_LIMITS, type ImportedSectionPreview } from '@fellesplan/domain';
import { Window, type Node } from 'happy-dom';
import * as Y from 'yjs';
import { sectionContentProblem } from '../content/sectionContentProblem.js';
import { ImportRefusal } from './docxPackage.js';

/** A proposed section: what the preview shows, and the body the plan gets. */
export interface ImportedSection extends ImportedSectionPreview {
  /** Null when the heading has no text under it. */
  body: TiptapJSON | null;
}

export const INTRODUCTION_TITLE = 'Innledning';
const UNTITLED = 'Uten tittel';

interface Chunk {
  title: string;
  introduction: boolean;
  nodes: Node[];
}

/**
 * Splits mammoth's HTML at level-1 headings and reads each part with the shared schema's own
 * parse rules (ProseMirror's DOMParser over happy-dom, with scripting off): whatever the schema
 * has no rule for (images, scripts, styles, unknown elements) is not kept, only its text, and
 * each body must pass the check the collaboration server applies to every stored section.
 */
export function htmlToSections(html: string): ImportedSection[] {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true },
    },
  });
  try {
    const container = window.document.createElement('div');
    container.innerHTML = html;
    const chunks: Chunk[] = [{ title: INTRODUCTION_TITLE, introduction: true, nodes: [] }];
    for (const node of Array.from(container.childNodes)) {
      if (node.nodeName === 'H1') {
        if (chunks.length > IMPORT_LIMITS.maxSections) {
          throw new ImportRefusal('import_too_many_sections', { limit: String(IMPORT_LIMITS.maxSections) });
        }
        chunks.push({ title: sectionTitle(node.textContent ?? ''), introduction: false, nodes: [] });
      } else {
        chunks.at(-1)?.nodes.push(node);
      }
    }
    const sections = chunks.map((chunk) => readChunk(window, chunk));
    // Text before the first heading is a section only when there is some.
    const [introduction, ...rest] = sections;
    return introduction && introduction.characters > 0 ? [introduction, ...rest] : rest;
  } finally {
    void window.happyDOM.close();
  }
}

function readChunk(window: Window, chunk: Chunk): ImportedSection {
  const holder = window.document.createElement('div');
  for (const node of chunk.nodes) holder.appendChild(node);
  const images = holder.querySelectorAll('img').length;
  const parsed = jsonFromDom(holder);
  const json = stripDisallowedLinks(parsed.json);
  const characters = parsed.text.length;
  const hasContent = characters > 0 || containsTable(json);
  const section = { title: chunk.title, introduction: chunk.introduction, images, characters };
  if (!hasContent) return { ...section, body: null };
  assertStorable(json, chunk.title);
  return { ...section, body: json };
}

function containsTable(json: TiptapJSON): boolean {
  return json.type === 'table' || (json.content ?? []).some(containsTable);
}

/** The same check a section document gets when someone edits it (size, depth, schema, links). */
function assertStorable(json: TiptapJSON, title: string): void {
  const doc = new Y.Doc();
  try {
    writeJsonToYDoc(doc, json);
    if (sectionContentProblem(doc)) throw new ImportRefusal('import_section_too_large', { title });
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw new ImportRefusal('import_section_too_large', { title });
  } finally {
    doc.destroy();
  }
}

/** A heading's text as a section title: one line, storable, within the title limit. */
function sectionTitle(text: string): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- control characters are what a one-line title must not hold.
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\ud800-\udfff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.slice(0, INPUT_LIMITS.title) || UNTITLED;
}
