import { isIP } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

/** Fastify's `trustProxy` without `true`: no proxy, a number of hops, or proxy addresses/CIDRs. */
export type TrustProxy = false | number | string[];

// Names proxy-addr (Fastify's resolver) knows for common private ranges.
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: unset or `0` trusts nobody; `N` trusts N hops in front of us (`1` = one
 * reverse proxy); otherwise a comma-separated list of proxy addresses or CIDRs. Anything else
 * stops the start: guessing here would either let clients forge their address or lock users out.
 */
export function trustProxyFromEnv(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (bad.length > 0) {
    throw new Error(
      `TRUST_PROXY must be a number of proxy hops (e.g. 1) or a comma-separated list of proxy addresses/CIDRs ` +
        `(e.g. 10.0.0.5,192.168.0.0/16); not understood: ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`,
    );
  }
  return entries;
}

/**
 * Whom to believe, as a function of (address, hop): used by Fastify for HTTP requests and by
 * proxy-addr for WebSocket upgrades, so both count the same client. Fastify 5.12 ignores a
 * numeric `trustProxy`, so a hop count is this function too: the nearest N addresses are proxies.
 * Only sound when nothing reaches us except through those proxies (README).
 */
export function proxyTrust(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust);
}
