import { ID_CHARACTERS } from './ids.js';

/**
 * Collaboration document names (DESIGN 6.3): `section:<sectionId>` and `plan:<planId>`.
 * Ids are opaque tokens of letters, digits, `-` and `_`; anything else is not a document.
 */
export type DocumentRef = { kind: 'section'; id: string } | { kind: 'plan'; id: string };

const DOCUMENT_NAME = new RegExp(`^(section|plan):(${ID_CHARACTERS})$`);

export function parseDocumentName(name: string): DocumentRef | null {
  const match = DOCUMENT_NAME.exec(name);
  if (!match) return null;
  const [, kind, id] = match;
  if (kind !== 'section' && kind !== 'plan') return null;
  if (id === undefined) return null;
  return { kind, id };
}

export function sectionDocumentName(sectionId: string): string {
  return `section:${sectionId}`;
}

export function planDocumentName(planId: string): string {
  return `plan:${planId}`;
}
