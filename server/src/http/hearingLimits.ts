import { isIPv4, isIPv6 } from 'node:net';
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

/**
 * Who `address` is to the per-address limit. One IPv6 subscriber is handed a whole /64 and can
 * send every request from a fresh address in it, so an IPv6 address counts by its /64; an
 * IPv4 address (also one written IPv6-mapped) counts as itself.
 */
export function limitedAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const front = head === '' ? [] : head.split(':');
  // A dotted IPv4 tail is two groups of the last 32 bits, outside the /64 either way.
  const back =
    tail === undefined || tail === '' ? [] : tail.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
  const groups = tail === undefined ? front : [...front, ...Array(8 - front.length - back.length).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g: string) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
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
      await consumeOrRefuse(perAddress, `${hearingId}|${limitedAddress(address)}`);
      await consumeOrRefuse(perHearing, hearingId);
    },
  };
}
