import type { AppContext } from '../routes/context.js';

/**
 * Counts a command against its plan's rate limit. Each command calls it as soon as it knows the
 * plan and that the actor is a member of it, so outsiders can never use up a plan's budget.
 */
export function chargePlan(ctx: AppContext, planId: string): Promise<void> {
  return ctx.commandLimits.chargePlan(planId);
}
