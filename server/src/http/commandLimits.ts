import { DomainError } from '@fellesplan/domain';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Commands allowed per minute, for one user (over all plans) and for one plan (over all users). */
export interface CommandLimitsConfig {
  perUserPerMinute: number;
  perPlanPerMinute: number;
}

/**
 * A fast person sends a few commands a minute; a sekretariat locking every section in a meeting
 * a few dozen. A user's limit stays well below a plan's, so one member alone cannot use up the
 * plan's budget and lock the others out.
 */
export const DEFAULT_COMMAND_LIMITS: CommandLimitsConfig = { perUserPerMinute: 120, perPlanPerMinute: 600 };

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/** Builds one limiter over a store: memory for one instance; Redis once instances share counts. */
export type LimiterStore = (options: LimiterOptions) => Pick<RateLimiterAbstract, 'consume'>;

export const memoryStore: LimiterStore = (options) => new RateLimiterMemory(options);

/** 429 `too_many_requests`; the HTTP layer turns `retryAfterSeconds` into `Retry-After`. */
export class TooManyRequestsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_requests');
  }
}

export interface CommandLimits {
  /** Counts a command against the actor; throws `TooManyRequestsError` past the limit. */
  chargeUser(userId: string): Promise<void>;
  /** Counts a command against a plan; call only once the actor is known to be a member. */
  chargePlan(planId: string): Promise<void>;
}

/** The one place command rate limiters are built. */
export function createCommandLimits(config: CommandLimitsConfig, store: LimiterStore = memoryStore): CommandLimits {
  const perUser = store({ keyPrefix: 'commands:user', points: config.perUserPerMinute, duration: 60 });
  const perPlan = store({ keyPrefix: 'commands:plan', points: config.perPlanPerMinute, duration: 60 });
  return {
    chargeUser: (userId) => consumeOrRefuse(perUser, userId),
    chargePlan: (planId) => consumeOrRefuse(perPlan, planId),
  };
}

/** Counts one request against `key`; past the limit, 429 `too_many_requests` with when to retry. */
export async function consumeOrRefuse(limiter: Pick<RateLimiterAbstract, 'consume'>, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (refusal) {
    // The limiter rejects with a RateLimiterRes when the limit is reached, with an Error when its store fails.
    if (refusal instanceof RateLimiterRes)
      throw new TooManyRequestsError(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    throw refusal;
  }
}

/** Reads the limits from the environment; unset means the defaults above. */
export function commandLimitsFromEnv(env: NodeJS.ProcessEnv): CommandLimitsConfig {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${env[name]}`);
    return value;
  };
  return {
    perUserPerMinute: read('COMMANDS_PER_USER_PER_MINUTE', DEFAULT_COMMAND_LIMITS.perUserPerMinute),
    perPlanPerMinute: read('COMMANDS_PER_PLAN_PER_MINUTE', DEFAULT_COMMAND_LIMITS.perPlanPerMinute),
  };
}
