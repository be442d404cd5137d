import { describe, expect, it } from 'vitest';
import { claimValues } from './claimValues.js';
import { orgNumbersFromClaim } from './orgNumbersFromClaim.js';
import { personFromClaims } from './personFromClaims.js';
import { safeReturnTo } from './safeReturnTo.js';

describe('claims', () => {
  it('a dot path reaches nested claims and every element of an array on the way', () => {
    const claims = {
      orgno: '974760673',
      org: { number: 983971636 },
      authorization_details: [
        { type: 'ansattporten:altinn:service', reportees: [{ ID: '0192:974760673' }, { ID: '0192:923609016' }] },
      ],
    };
    expect(claimValues(claims, 'orgno')).toEqual(['974760673']);
    expect(claimValues(claims, 'org.number')).toEqual([983971636]);
    expect(claimValues(claims, 'authorization_details.reportees.ID')).toEqual(['0192:974760673', '0192:923609016']);
    expect(claimValues(claims, 'missing.path')).toEqual([]);
    expect(claimValues(claims, 'constructor')).toEqual([]);
  });

  it('organisation numbers: nine digits, with spaces or the ISO 6523 prefix; anything else is ignored', () => {
    const claims = {
      plain: '974760673',
      spaced: '974 760 673',
      prefixed: '0192:983971636',
      number: 923609016,
      list: ['974760673', 'NO974760673MVA', '12345678', { nested: '974760673' }],
    };
    expect(orgNumbersFromClaim(claims, 'plain')).toEqual(['974760673']);
    expect(orgNumbersFromClaim(claims, 'spaced')).toEqual(['974760673']);
    expect(orgNumbersFromClaim(claims, 'prefixed')).toEqual(['983971636']);
    expect(orgNumbersFromClaim(claims, 'number')).toEqual(['923609016']);
    expect(orgNumbersFromClaim(claims, 'list')).toEqual(['974760673']);
  });

  it('name from name or given and family name; e-mail only when valid and not stated unverified', () => {
    expect(personFromClaims({ name: ' Kari Nordmann ', email: 'Kari@Example.NO' })).toEqual({
      name: 'Kari Nordmann',
      email: 'kari@example.no',
    });
    expect(personFromClaims({ given_name: 'Kari', family_name: 'Nordmann' })).toEqual({
      name: 'Kari Nordmann',
      email: null,
    });
    expect(personFromClaims({ email: 'kari@example.no', email_verified: false }).email).toBeNull();
    expect(personFromClaims({ email: 'not an address' }).email).toBeNull();
    // ID-porten states neither.
    expect(personFromClaims({ pid: '01010112345' })).toEqual({ name: null, email: null });
  });
});

describe('safeReturnTo', () => {
  it('[OI4] keeps a path on this server, and nothing that could leave it', () => {
    expect(safeReturnTo('/plans/abc?section=2#s2')).toBe('/plans/abc?section=2#s2');
    expect(safeReturnTo('/')).toBe('/');
    for (const unsafe of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'plans',
      '/\tevil',
      '/api/auth/oidc/login',
      '',
      undefined,
      ['/plans'],
    ]) {
      expect(safeReturnTo(unsafe), String(unsafe)).toBeNull();
    }
  });
});
