import { SESSION_COOKIE } from './sessions.js';

/** The session token in a `Cookie` header, if any. */
export function tokenFromCookieHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The token in an `Authorization: Bearer …` header, if any. */
export function tokenFromAuthorizationHeader(header: string | null | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}
