/**
 * Caps on comment threads, per party: far above what one partner writes in the life of a plan,
 * far below what a script reaches. Counting per party keeps one member (or one party) from
 * using up the room everyone else needs to comment.
 */
export const COMMENT_LIMITS = {
  /** Open threads one party has started on one plan; resolving threads makes room again. */
  openThreadsPerParty: 1_000,
  /** Threads, open or resolved, one party has started on one section. */
  threadsPerSectionPerParty: 500,
  /** Comments of one party in one thread, replies included. */
  commentsPerThreadPerParty: 250,
  /** Comments of one party on one plan, in all its threads. */
  commentsPerPlanPerParty: 20_000,
} as const;
