import { RateLimiterMemory } from 'rate-limiter-flexible';
import { consumeOrRefuse } from './commandLimits.js';

/** Responses a hearing takes in an hour: from one address, and from everyone together. */
export interface HearingLimitsConfig {
  perAddressPerHour: number;
  perHearingPerHour: number;
}

/**
 * [HR9] A kommune's office sends a handful of responses from one address, a real hearing a few
 * hundred over weeks; a flood from one place or a botnet stops here long before storage fills.
 */
export const DEFAULT_HEARING_LIMITS: HearingLimitsConfig = { perAddressPerHour: 10, perHearingPerHour: 2_000 };

export interface HearingLimits {
  /** Counts one submission to `hearingId` from `address`; 429 `too_many_requests` past either limit. */
  charge(hearingId: string, address: string): Promise<void>;
}

export function createHearingLimits(config: HearingLimitsConfig): HearingLimits {
  const perAddress = new RateLimiterMemory({
    keyPrefix: 'hearing:address',
    points: config.perAddressPerHour,
    duration: 3600,
  });
  const perHearing = new RateLimiterMemory({
    keyPrefix: 'hearing:all',
    points: config.perHearingPerHour,
    duration: 3600,
  });
  return {
    async charge(hearingId, address) {
      await consumeOrRefuse(perAddress, `${hearingId}|${address}`);
      await consumeOrRefuse(perHearing, hearingId);
    },
  };
}
