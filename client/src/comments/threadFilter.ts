import type { ThreadView } from '@fellesplan/domain';

export interface ThreadFilter {
  status: 'open' | 'resolved' | 'all';
  mine: boolean;
  mentioningMe: boolean;
  /** Only threads in which this party has commented; '' for any. */
  partyId: string;
}

export const DEFAULT_FILTER: ThreadFilter = { status: 'open', mine: false, mentioningMe: false, partyId: '' };

/** Which threads to show for a user: by status, started by or joined by me, mentioning me, by party. */
export function filterThreads(
  threads: readonly ThreadView[],
  filter: ThreadFilter,
  me: { userId: string; partyId: string },
): ThreadView[] {
  return threads.filter((thread) => {
    if (filter.status !== 'all' && thread.status !== filter.status) return false;
    const live = thread.comments.filter((c) => !c.deleted);
    if (filter.mine && !live.some((c) => c.authorId === me.userId)) return false;
    if (
      filter.mentioningMe &&
      !live.some((c) =>
        c.mentions.some(
          (m) => (m.kind === 'user' && m.id === me.userId) || (m.kind === 'party' && m.id === me.partyId),
        ),
      )
    ) {
      return false;
    }
    if (filter.partyId && !live.some((c) => c.partyId === filter.partyId)) return false;
    return true;
  });
}

/** Open threads per section, for the table of contents and section headers. */
export function openThreadCounts(threads: readonly ThreadView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.status === 'open') counts.set(thread.sectionId, (counts.get(thread.sectionId) ?? 0) + 1);
  }
  return counts;
}
