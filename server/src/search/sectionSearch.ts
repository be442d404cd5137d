import { foldForSearch, type FoldedText } from '@fellesplan/domain';
import type { SectionContent } from '../content/sectionContent.js';

export interface SearchableText {
  revision: string;
  text: string;
  folded: FoldedText;
}

/**
 * Section bodies as search reads them. Reading a body means decoding its Yjs updates (or walking
 * the live document) and folding its text, too much for every keystroke of a search box, so the
 * folded text is kept per section keyed by the content revision it was read at: the revision is
 * a hash of the body, and the text a function of the body alone.
 */
export class SectionSearch {
  private readonly cache = new Map<string, SearchableText>();

  constructor(private readonly content: SectionContent) {}

  /** The body's text, folded; null when the stored body cannot be read (it then has no hits). */
  async text(sectionId: string): Promise<SearchableText | null> {
    // `state` is itself cached (live: until the next update; stored: by the rows' ids).
    const state = await this.content.state(sectionId);
    if (state.unreadable) return null;
    const cached = this.cache.get(sectionId);
    if (cached?.revision === state.revision) return cached;
    const fresh = await readSearchableText(this.content, sectionId);
    // Keyed by the revision read together with the text, not the one asked about a moment before.
    if (fresh) this.cache.set(sectionId, fresh);
    return fresh;
  }
}

/** The body read and folded from scratch: what the cache must always agree with. */
export async function readSearchableText(content: SectionContent, sectionId: string): Promise<SearchableText | null> {
  try {
    const view = await content.view(sectionId);
    return { revision: view.revision, text: view.text, folded: foldForSearch(view.text) };
  } catch {
    // An unreadable body (logged by `view`) is left out of the search, not an error for it.
    return null;
  }
}
