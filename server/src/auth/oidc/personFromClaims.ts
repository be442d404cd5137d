import { z } from 'zod';

/** Name and e-mail as the provider states them; `null` where it states nothing usable. */
export interface ClaimedPerson {
  name: string | null;
  /** Lower-cased; `null` also when the provider says the address is not verified. */
  email: string | null;
}

const emailClaim = z.string().trim().toLowerCase().email().max(320);

export function personFromClaims(claims: Record<string, unknown>): ClaimedPerson {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : null);
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  const name = text(claims.name) ?? ([given, family].filter(Boolean).join(' ') || null);
  const email = emailClaim.safeParse(claims.email);
  const verified = claims.email_verified !== false && claims.email_verified !== 'false';
  return { name, email: email.success && verified ? email.data : null };
}
