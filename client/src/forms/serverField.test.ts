import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.js';
import { serverField } from './serverField.js';

vi.mock('../i18n/index.js', () => ({ currentLanguage: () => 'nb' }));

describe('serverField', () => {
  const fields = ['partnershipName', 'email', 'password'] as const;

  it('finds the form field a refusal names, also inside a nested input', () => {
    expect(serverField(new ApiError(400, 'password_too_short', '…', 'admin.password'), fields)).toBe('password');
    expect(serverField(new ApiError(400, 'name_required', '…', 'partnershipName'), fields)).toBe('partnershipName');
  });

  it('leaves refusals about no shown field to the whole form', () => {
    expect(serverField(new ApiError(409, 'setup_done', '…'), fields)).toBeUndefined();
    expect(serverField(new ApiError(400, 'invalid_input', '…', 'token'), fields)).toBeUndefined();
    expect(serverField(new Error('network'), fields)).toBeUndefined();
  });
});
