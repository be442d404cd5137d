import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { parseHost } from '../http/allowedHosts.js';

export const METRICS_PATH = '/metrics';

/** What the guard of `/metrics` looks at in a request. */
export interface MetricsRequest {
  /** `METRICS_TOKEN`, or null when unset. */
  token: string | null;
  authorization: string | undefined;
  /** The address of the TCP peer itself (never a forwarded one). */
  peerAddress: string | undefined;
  /** Whether the request names a client behind a proxy (`X-Forwarded-For` or `Forwarded`). */
  forwarded: boolean;
  host: string | undefined;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

function sameSecret(given: string, expected: string): boolean {
  // Hashes have equal length, so the comparison time says nothing about the token.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may read `/metrics`. With `METRICS_TOKEN`, whoever sends it as a bearer token, from
 * anywhere (a Prometheus elsewhere). Without, only a scraper on this machine talking to the
 * server directly: the peer is loopback, no proxy forwarded the request (a reverse proxy on the
 * same host would otherwise make every outside request look local), and the Host is a loopback
 * name or address (a page whose DNS name was rebound to 127.0.0.1 sends its own name).
 */
export function metricsAccess(request: MetricsRequest): 'allowed' | 'unauthenticated' | 'forbidden' {
  if (request.token !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '');
    return match?.[1] !== undefined && sameSecret(match[1], request.token) ? 'allowed' : 'unauthenticated';
  }
  const host = request.host === undefined ? null : parseHost(request.host.trim());
  const localHost = host !== null && LOOPBACK_NAMES.has(host.hostname);
  return isLoopbackAddress(request.peerAddress) && !request.forwarded && localHost ? 'allowed' : 'forbidden';
}

/** `METRICS_TOKEN`: unset or empty means loopback only; a set one must be long enough to guess at. */
export function metricsTokenFromEnv(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const token = value.trim();
  if (token.length < 16 || /\s/.test(token))
    throw new Error('METRICS_TOKEN must be at least 16 characters without spaces (unset: /metrics only from loopback)');
  return token;
}
