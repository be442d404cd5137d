import { claimValues } from './claimValues.js';

/**
 * The organisation numbers a claim names, as stored on parties (nine digits). A value may carry
 * spaces (`974 760 673`) or the ISO 6523 prefix Altinn and Ansattporten use (`0192:974760673`);
 * anything else is ignored.
 */
export function orgNumbersFromClaim(claims: unknown, path: string): string[] {
  const numbers = new Set<string>();
  for (const value of claimValues(claims, path)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const match = /^(?:0192:)?(\d{9})$/.exec(String(value).replace(/\s/g, ''));
    if (match?.[1]) numbers.add(match[1]);
  }
  return [...numbers];
}
