import { randomBytes } from 'node:crypto';
import type { PartnershipSpec } from '../demo/seedPartnership.js';

export const ADMIN_TEST_PASSWORD = 'et-langt-passord';

/**
 * A helsefellesskap of its own for a test that changes parties or people: a sekretariat with an
 * administrator (`admin`) and a member (`medarbeider`), a kommune and an HF with one person each,
 * and a plan whose sections are owned by the kommune, the HF, and both. E-mails are unique.
 */
export function adminPartnershipSpec(label = randomBytes(4).toString('hex')): PartnershipSpec {
  const email = (who: string) => `${who}.${label}@test.no`;
  const person = (name: string, who: string, role?: 'member' | 'admin') => ({
    name,
    email: email(who),
    password: ADMIN_TEST_PASSWORD,
    ...(role ? { role } : {}),
  });
  return {
    name: `Helsefellesskap ${label}`,
    parties: [
      {
        key: 'sekretariat',
        name: `Sekretariatet ${label}`,
        kind: 'sekretariat',
        users: [person('Siv Admin', 'admin', 'admin'), person('Sam Medarbeider', 'medarbeider', 'member')],
      },
      { key: 'kommune', name: `Kommune ${label}`, kind: 'kommune', users: [person('Kari Kommune', 'kommune')] },
      { key: 'helseforetak', name: `HF ${label}`, kind: 'helseforetak', users: [person('Hans Sykehus', 'hf')] },
    ],
    plan: {
      title: `Plan ${label}`,
      sections: [
        { title: 'Kommunens del', owners: ['kommune'], body: 'Kommunens tekst.' },
        { title: 'Sykehusets del', owners: ['helseforetak'], body: 'Sykehusets tekst.' },
        { title: 'Felles del', owners: ['kommune', 'helseforetak'], body: 'Felles tekst.' },
      ],
    },
  };
}
