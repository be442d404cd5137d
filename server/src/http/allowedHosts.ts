import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorMessage } from '@fellesplan/domain';
import type { Logger } from 'pino';
import { redactUrl } from './redactUrl.js';

interface HostName {
  hostname: string;
  /** `null` when the text names no port; an allowed entry without port matches any port. */
  port: string | null;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** `name[:port]` or `[ipv6][:port]`, normalised; `null` for anything else (userinfo, paths …). */
export function parseHost(text: string): HostName | null {
  const ipv6 = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(text);
  if (ipv6) {
    try {
      return { hostname: new URL(`http://[${ipv6[1]}]`).hostname, port: ipv6[2] ?? null };
    } catch {
      return null;
    }
  }
  const name = /^([a-z0-9.-]+?)\.?(?::(\d{1,5}))?$/i.exec(text);
  if (!name?.[1]) return null;
  return { hostname: name[1].toLowerCase(), port: name[2] ?? null };
}

/**
 * Hosts the server answers to: `PUBLIC_URL`'s host and/or `ALLOWED_HOSTS` (comma-separated,
 * `name` or `name:port`); with neither, loopback names and `HOST`, so a local instance cannot be
 * reached through a rebound DNS name.
 */
export function allowedHostsFromEnv(env: NodeJS.ProcessEnv): string[] {
  const hosts: string[] = [];
  if (env.PUBLIC_URL) {
    let url: URL;
    try {
      url = new URL(env.PUBLIC_URL);
    } catch {
      throw new Error(`PUBLIC_URL must be an absolute URL such as https://plan.example.no, got ${env.PUBLIC_URL}`);
    }
    hosts.push(url.host);
  }
  for (const entry of (env.ALLOWED_HOSTS ?? '').split(',')) {
    const host = entry.trim();
    if (!host) continue;
    if (!parseHost(host)) throw new Error(`ALLOWED_HOSTS: ${JSON.stringify(host)} is not a host name or host:port`);
    hosts.push(host);
  }
  if (hosts.length > 0) return hosts;
  const bound = env.HOST ?? '127.0.0.1';
  const boundHost = bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound;
  return WILDCARD_BINDS.has(bound) ? LOOPBACK : [...new Set([...LOOPBACK, boundHost])];
}

/** Whether a request's `Host` header names this server (DNS rebinding defence). */
export function isAllowedHost(hostHeader: string | undefined, allowed: readonly string[]): boolean {
  const host = hostHeader === undefined ? null : parseHost(hostHeader.trim());
  if (!host) return false;
  return allowed.some((entry) => {
    const rule = parseHost(entry);
    return rule !== null && rule.hostname === host.hostname && (rule.port === null || rule.port === host.port);
  });
}

/**
 * For raw upgrade handlers: answers 421 `invalid_host` and closes the socket when the Host is
 * not allowed, before any WebSocket is made. Returns whether it refused.
 */
export function refuseForeignHostUpgrade(
  request: IncomingMessage,
  socket: Duplex,
  allowed: readonly string[],
  logger?: Logger,
): boolean {
  if (isAllowedHost(request.headers.host, allowed)) return false;
  logger?.info({ host: request.headers.host, url: redactUrl(request.url ?? '') }, 'upgrade refused: host not allowed');
  const language = /^\s*nn\b/i.test(request.headers['accept-language'] ?? '') ? 'nn' : 'nb';
  const body = JSON.stringify({ error: { code: 'invalid_host', message: errorMessage('invalid_host', language) } });
  socket.end(
    `HTTP/1.1 421 Misdirected Request\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  return true;
}
