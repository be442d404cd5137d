import { hasVisibleText, isPlainLine, isStorableText } from '@fellesplan/domain';
import { z } from 'zod';

/** Name and e-mail as the provider states them; `null` where it states nothing usable. */
export interface ClaimedPerson {
  name: string | null;
  /** Lower-cased; `null` also when the provider says the address is not verified. */
  email: string | null;
}

const emailClaim = z.string().trim().toLowerCase().email().max(320);

export function personFromClaims(claims: Record<string, unknown>): ClaimedPerson {
  // A name is shown beside everything the person writes: one that shows nothing, breaks the line
  // or turns the text around is not taken (the invitation's name, or the e-mail, stands instead).
  const text = (value: unknown) => {
    const trimmed = typeof value === 'string' ? value.trim().slice(0, 200) : '';
    return hasVisibleText(trimmed) && isPlainLine(trimmed) && isStorableText(trimmed) ? trimmed : null;
  };
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  const name = text(claims.name) ?? ([given, family].filter(Boolean).join(' ') || null);
  const email = emailClaim.safeParse(claims.email);
  const verified = claims.email_verified !== false && claims.email_verified !== 'false';
  return { name, email: email.success && verified ? email.data : null };
}
