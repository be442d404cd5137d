const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Whether a Norwegian organisation number (Enhetsregisteret) is well formed: nine digits whose
 * last is the modulus 11 check digit of the first eight. Spaces between groups are allowed.
 */
export function isValidOrgNumber(value: string): boolean {
  const digits = value.replace(/\s/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  // A remainder of 1 gives check digit 10: no valid number has it.
  return check !== 10 && check === Number(digits[8]);
}

/** The organisation number as stored: nine digits, no spaces. */
export function normalizeOrgNumber(value: string): string {
  return value.replace(/\s/g, '');
}
