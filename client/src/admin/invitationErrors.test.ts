import { describe, expect, it } from 'vitest';
import { invitationErrors } from './invitationErrors.js';

const kari = { name: 'Kari Nordmann', email: 'kari@gran.kommune.no', partyId: 'hadeland', role: 'member' as const };

describe('invitationErrors', () => {
  it('accepts a member of any party and an administrator of the sekretariat', () => {
    expect(invitationErrors(kari, 'kommune')).toEqual({});
    expect(invitationErrors({ ...kari, role: 'admin' }, 'sekretariat')).toEqual({});
  });

  it('refuses an administrator outside the sekretariat, as the server does', () => {
    expect(invitationErrors({ ...kari, role: 'admin' }, 'kommune')).toEqual({ role: 'form.adminNeedsSekretariat' });
  });

  it('asks for a name, a valid e-mail and a party', () => {
    expect(invitationErrors({ name: '', email: 'kari', partyId: '', role: 'member' }, undefined)).toEqual({
      name: 'form.nameRequired',
      email: 'form.emailInvalid',
      partyId: 'form.partyRequired',
    });
  });
});
