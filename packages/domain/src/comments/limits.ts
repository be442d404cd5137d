/**
 * Caps on comment threads: far above what a helsefellesskap writes in the life of a plan, far
 * below what a script reaches. They keep one member from making a plan unreadable for all.
 */
export const COMMENT_LIMITS = {
  /** Open threads on one plan; resolving threads makes room again. */
  openThreadsPerPlan: 2_000,
  /** Threads, open or resolved, on one section. */
  threadsPerSection: 1_000,
  /** Comments in one thread, replies included. */
  commentsPerThread: 500,
  /** Comments on one plan, in all its threads. */
  commentsPerPlan: 50_000,
} as const;
