import { describe, expect, it } from 'vitest';
import { personFromClaims } from './personFromClaims.js';
import { safeReturnTo } from './safeReturnTo.js';

describe('claims an identity provider passes on from the person', () => {
  it('[OI3] a name claim that is invisible, multi-line or bidi-overridden is not taken (the invitation’s name stands)', () => {
    for (const name of [
      '\u202e\u202e',
      'Kari\nSekretariatet (administrator)',
      'Kari \u202egninrøN',
      '\u3164',
      'A\u001b[2J',
    ]) {
      expect(personFromClaims({ name, email: 'kari@kommune.no' }).name, JSON.stringify(name)).toBeNull();
      expect(personFromClaims({ given_name: name, family_name: '\u200f' }).name, JSON.stringify(name)).toBeNull();
    }
    expect(personFromClaims({ given_name: 'Kari', family_name: 'Nordmann' }).name).toBe('Kari Nordmann');
    expect(personFromClaims({ name: 'أحمد\u200f النجار' }).name).toBe('أحمد\u200f النجار');
  });

  it('[OI4] returnTo never leaves the server, however it is spelt', () => {
    for (const value of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      'https://evil.example',
      '/%0a/evil.example',
      '\\\\evil.example',
      '/api/auth/oidc/login',
      ' /x',
    ]) {
      const safe = safeReturnTo(value);
      if (safe !== null)
        expect(new URL(safe, 'https://fellesplan.example').origin, value).toBe('https://fellesplan.example');
    }
    expect(safeReturnTo('//evil.example')).toBeNull();
    expect(safeReturnTo('/plans/1?x=1#y')).toBe('/plans/1?x=1#y');
  });
});
