const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Whether a link target may be stored and shown: http(s) and mailto only. */
export function isAllowedHref(href: string): boolean {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}
