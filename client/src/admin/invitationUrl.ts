/** The invitation link as someone outside can open it: the server may answer with a path only. */
export function absoluteInvitationUrl(url: string, origin: string): string {
  return new URL(url, origin).href;
}
