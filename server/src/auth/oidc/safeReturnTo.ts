const BASE = 'http://fellesplan.invalid';

/**
 * Where to send the browser after login: a path on this server, or `null`. Anything that could
 * leave the origin (`//host`, `/\host`, `https:…`, control characters) is dropped, so the login
 * link cannot be made into an open redirect.
 */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || [...value].some(isUnsafeCharacter)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  // The login routes themselves would start a loop.
  if (url.pathname.startsWith('/api/')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Browsers read a backslash as a slash and drop tabs and newlines: `/\evil` and `/<tab>/evil` lead away. */
function isUnsafeCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return character === '\\' || code < 0x20 || code === 0x7f;
}
