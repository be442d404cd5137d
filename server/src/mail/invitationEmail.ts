import type { Role } from '@fellesplan/domain';
import type { MailMessage } from './mailer.js';

export interface InvitationMail {
  to: string;
  name: string;
  partyName: string;
  partnershipName: string;
  invitedBy: string;
  role: Role;
  url: string;
  expiresAt: string;
}

const OSLO_DATE = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' });

/** The invitation e-mail, in bokmål: who invites, into which party, the link and until when it works. */
export function invitationEmail(mail: InvitationMail): MailMessage {
  const role = mail.role === 'admin' ? ' som administrator' : '';
  return {
    to: mail.to,
    subject: `Invitasjon til Fellesplan – ${mail.partnershipName}`,
    text: [
      `Hei ${mail.name},`,
      '',
      `${mail.invitedBy} har invitert deg til Fellesplan for ${mail.partnershipName}, for ${mail.partyName}${role}.`,
      '',
      'Åpne lenken for å ta imot invitasjonen og velge hvordan du vil logge inn:',
      mail.url,
      '',
      `Lenken kan brukes én gang og gjelder til ${OSLO_DATE.format(new Date(mail.expiresAt))}.`,
      'Hvis du ikke ventet denne invitasjonen, kan du se bort fra e-posten.',
      '',
      'Hilsen sekretariatet',
    ].join('\n'),
  };
}
