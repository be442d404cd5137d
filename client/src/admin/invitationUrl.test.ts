import { describe, expect, it } from 'vitest';
import { absoluteInvitationUrl } from './invitationUrl.js';

describe('absoluteInvitationUrl', () => {
  it('shows the link whole, whether the server answered with an address or a path', () => {
    expect(absoluteInvitationUrl('/invite/abc_123', 'https://plan.innlandet.no')).toBe(
      'https://plan.innlandet.no/invite/abc_123',
    );
    expect(absoluteInvitationUrl('https://plan.example.no/invite/x', 'https://other.no')).toBe(
      'https://plan.example.no/invite/x',
    );
  });
});
