import { HEARING_LIMITS } from '@fellesplan/domain';

/**
 * The quote a remark carries from a selection: one line of text (the server finds it in one
 * paragraph), without the white space a drag picks up at its ends, within the quote limit.
 */
export function selectionQuote(selected: string): string {
  return selected.replace(/\s+/g, ' ').trim().slice(0, HEARING_LIMITS.quote);
}

/** The id of the section body (`data-hearing-section`) that holds the whole selection, or null. */
export function selectedSection(selection: Selection | null): { sectionId: string; quote: string } | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const holder = (node: Node | null) =>
    (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('[data-hearing-section]') ?? null;
  const start = holder(selection.anchorNode);
  if (!start || start !== holder(selection.focusNode)) return null;
  const quote = selectionQuote(selection.toString());
  const sectionId = start.dataset.hearingSection;
  return quote && sectionId ? { sectionId, quote } : null;
}
