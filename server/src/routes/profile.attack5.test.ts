import type { ProfileView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { adminPartnershipSpec, api, command, useFixture } from '../testing/index.js';

const f = useFixture();

// Names others see beside every comment, caret and stance: each of these shows nothing, or
// turns the text after it around or onto other lines, in the eyes of the readers.
const INVISIBLE_OR_MISLEADING = [
  '\u202e\u202e', // right-to-left override only: an author without a name
  '\u2067\u2069\u200f', // isolates and a right-to-left mark
  '\u3164\u3164', // Hangul fillers, drawn as blanks
  '\u00ad\u034f', // soft hyphen, combining grapheme joiner
  'Kari\nSekretariatet (administrator)', // a second line under the name
  'Kari\u001b[2J', // a terminal escape
  'Kari\u0085Nordmann', // C1 next line
  'Kari \u202egninrøN', // an override turning what follows around
];

describe('names that hide or disguise who wrote', () => {
  it('[ADM6] a person cannot make their name invisible, multi-line or bidi-overridden; ordinary names pass', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const token = p.token('kommune');
    for (const name of INVISIBLE_OR_MISLEADING) {
      const res = await api(f.url, '/api/profile', { method: 'PATCH', token, body: { name } });
      expect(res.status, JSON.stringify(name)).toBe(400);
    }
    const profile = await api<ProfileView>(f.url, '/api/profile', { token });
    expect(profile.body.name).toBe(p.user('kommune').name);
    // Right-to-left scripts and marks inside a visible name stay possible.
    for (const name of ['Åse Ødegård-Ås', 'أحمد\u200f النجار', 'Zoë O’Brien']) {
      const res = await api<ProfileView>(f.url, '/api/profile', { method: 'PATCH', token, body: { name } });
      expect(res.status, name).toBe(200);
      expect(res.body.name).toBe(name);
    }
  });

  it('[ADM2] nor can an administrator give such a name to a person, an invitation or a party', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const admin = p.token('admin');
    for (const name of INVISIBLE_OR_MISLEADING) {
      const label = JSON.stringify(name);
      expect((await command(f.url, admin, 'users.update', { userId: p.user('hf').id, name })).status, label).toBe(400);
      const invited = await command(f.url, admin, 'invitations.create', {
        partyId: p.party('kommune'),
        email: 'skjult@kommune.no',
        name,
      });
      expect(invited.status, label).toBe(400);
      expect((await command(f.url, admin, 'parties.create', { name, kind: 'kommune' })).status, label).toBe(400);
    }
  });
});
