export interface MentionCandidate {
  kind: 'user' | 'party';
  id: string;
  name: string;
}

export interface Mention {
  kind: 'user' | 'party';
  id: string;
  /** Where "@Name" stands in the body, end exclusive. */
  start: number;
  end: number;
}

/**
 * Finds "@Kari Nordmann" and "@Demo HF" in plain text: after each "@", the longest candidate
 * name that follows (case-insensitive) and ends at a word boundary. Names may contain spaces,
 * so the body is matched against the known names rather than split into words.
 */
export function parseMentions(body: string, candidates: readonly MentionCandidate[]): Mention[] {
  const sorted = [...candidates].sort((a, b) => b.name.length - a.name.length);
  const mentions: Mention[] = [];
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    if (at > 0 && /[\p{L}\p{N}_.]/u.test(body[at - 1] ?? '')) continue; // an e-mail address, not a mention
    const rest = body.slice(at + 1).toLocaleLowerCase('nb');
    const match = sorted.find((c) => {
      const name = c.name.toLocaleLowerCase('nb');
      return rest.startsWith(name) && !/[\p{L}\p{N}]/u.test(rest[name.length] ?? '');
    });
    if (match) mentions.push({ kind: match.kind, id: match.id, start: at, end: at + 1 + match.name.length });
  }
  return mentions;
}
