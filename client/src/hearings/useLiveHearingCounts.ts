import { usePlanProjection } from '../collab/usePlanProjection.js';

/**
 * A value that changes whenever the plan's live projection reports new hearing counts (a
 * response arrived, a remark was assessed, a deadline moved): pages refetch their detail on it.
 */
export function useLiveHearingCounts(planId: string): string {
  const projection = usePlanProjection(planId, null);
  return JSON.stringify(projection?.hearings ?? null);
}
