import { describe, expect, it } from 'vitest';
import { accountErrors } from './accountErrors.js';
import { firstErrorField } from './fieldErrors.js';
import { partyErrors } from './partyErrors.js';

describe('accountErrors', () => {
  it('accepts a name, a plausible e-mail and a password of ten characters', () => {
    expect(accountErrors({ name: 'Siri', email: 'siri@innlandet.no', password: '0123456789' })).toEqual({});
  });

  it('names every field that is wrong, with the message the form shows', () => {
    expect(accountErrors({ name: '   ', email: 'siri@', password: 'kort' })).toEqual({
      name: 'form.nameRequired',
      email: 'form.emailInvalid',
      password: 'form.passwordTooShort',
    });
  });

  it('checks the e-mail only when the form asks for one (an invitation already has it)', () => {
    expect(accountErrors({ name: 'Kari', password: 'langtpassord' })).toEqual({});
  });

  it('counts the password as typed: spaces are characters the server keeps', () => {
    expect(accountErrors({ name: 'Kari', password: '          ' })).toEqual({});
    expect(accountErrors({ name: 'Kari', password: '123456789' }).password).toBe('form.passwordTooShort');
  });
});

describe('partyErrors', () => {
  it('takes an organisation number with or without spaces, and none at all', () => {
    expect(partyErrors({ name: 'Sykehuset Innlandet HF', orgNumber: '983 971 768' })).toEqual({});
    expect(partyErrors({ name: 'Helseregion Hadeland (3 kommuner)', orgNumber: '' })).toEqual({});
  });

  it('refuses a number with the wrong check digit (mod 11)', () => {
    expect(partyErrors({ name: 'X', orgNumber: '983971769' })).toEqual({ orgNumber: 'form.orgNumberInvalid' });
  });
});

describe('firstErrorField', () => {
  it('is the first field in the order the form shows them', () => {
    expect(firstErrorField({ password: 'x', name: 'y' }, ['name', 'email', 'password'])).toBe('name');
    expect(firstErrorField({}, ['name'])).toBeUndefined();
  });
});
