import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors.js';
import { fieldLabel } from './fieldLabels.js';

describe('field names in messages', () => {
  it('[I1] names a bad field in Norwegian, never by its path, in bokmål and nynorsk', () => {
    expect(errorMessage('invalid_input', 'nb', { field: 'email' })).toBe('Ugyldig verdi i feltet «e-postadresse».');
    expect(errorMessage('invalid_input', 'nn', { field: 'admin.name' })).toBe('Ugyldig verdi i feltet «namn».');
    expect(errorMessage('invalid_input', 'nb', { field: 'reason' })).toBe('Ugyldig verdi i feltet «begrunnelse».');
    expect(errorMessage('invalid_input', 'nn', { field: 'reason' })).toBe('Ugyldig verdi i feltet «grunngjeving».');
    expect(errorMessage('invalid_input', 'nb', { field: 'partyIds.2' })).toBe('Ugyldig verdi i feltet «parter».');
  });

  it('[I1] asks for a field left empty', () => {
    expect(errorMessage('invalid_input', 'nb', { field: 'email', missing: '1' })).toBe('Fyll inn e-postadresse.');
    expect(errorMessage('invalid_input', 'nn', { field: 'password', missing: '1' })).toBe('Fyll inn passord.');
  });

  it('[I1] a field users have no name for is not named at all', () => {
    expect(fieldLabel('body', 'nb')).toBeNull();
    expect(fieldLabel('', 'nb')).toBeNull();
    expect(errorMessage('invalid_input', 'nb', { field: 'body' })).toBe('Forespørselen har en ugyldig verdi.');
    expect(errorMessage('invalid_input', 'nn', { field: 'constructor' })).toBe('Førespurnaden har ein ugyldig verdi.');
  });
});
