/**
 * The token of the setup link the server printed, from what someone pasted: the whole link,
 * the path `/setup/<token>`, or the token alone. Null when it is none of these.
 */
export function setupTokenFrom(pasted: string): string | null {
  const text = pasted.trim();
  const inLink = /\/setup\/([A-Za-z0-9_-]+)/.exec(text);
  if (inLink?.[1]) return inLink[1];
  return /^[A-Za-z0-9_-]{8,200}$/.test(text) ? text : null;
}
