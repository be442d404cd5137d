import { useSyncExternalStore } from 'react';

/** Where a search result, a thread link or a notification wants the reader taken. */
export interface PassageTarget {
  sectionId: string;
  /** `text`: a passage of the body; `comment`: a thread; `section`: the section as a whole. */
  kind: 'section' | 'text' | 'comment';
  /** For `text`: what was searched for, and which of its matches in the body (from 0). */
  query?: string;
  occurrence?: number;
  threadId?: string;
}

/**
 * The one passage waiting to be shown. The section's editor may not be mounted yet (sections
 * mount as they come near the viewport), so the target waits here until the section, scrolled
 * to, mounts and takes it.
 */
let pending: PassageTarget | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Scrolls to the section and leaves the target for its editor to reveal. */
export function revealPassage(target: PassageTarget): void {
  pending = { ...target };
  for (const listener of listeners) listener();
  document.getElementById(`section-${target.sectionId}`)?.scrollIntoView({ block: 'start' });
}

/** The target waiting for this section, if any. */
export function usePendingPassage(sectionId: string): PassageTarget | null {
  const target = useSyncExternalStore(subscribe, () => pending);
  return target?.sectionId === sectionId ? target : null;
}

/** The section has shown the target: nothing waits any more (unless another came meanwhile). */
export function passageShown(target: PassageTarget): void {
  if (pending !== target) return;
  pending = null;
  for (const listener of listeners) listener();
}
