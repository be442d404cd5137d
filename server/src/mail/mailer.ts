import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; `send` resolves true once the mail server took the message, false when it failed (logged). */
export interface Mailer {
  send(message: MailMessage): Promise<boolean>;
  close(): void;
}

// nodemailer waits two minutes for a silent server by default: far too long for a command reply.
const TIMEOUT_MS = 10_000;

/** A mailer over `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…`), or null when none is configured. */
export function createMailer(options: { smtpUrl?: string | null; from?: string; logger: Logger }): Mailer | null {
  if (!options.smtpUrl) return null;
  const smtpUrl = options.smtpUrl;
  // nodemailer is loaded with the first mail: most servers send none for hours, and it is MBs.
  let transport: Promise<Transporter> | null = null;
  const connect = () =>
    (transport ??= import('nodemailer')
      .then(({ default: nodemailer }) =>
        nodemailer.createTransport(
          {
            url: smtpUrl,
            connectionTimeout: TIMEOUT_MS,
            greetingTimeout: TIMEOUT_MS,
            socketTimeout: TIMEOUT_MS,
          },
          { from: options.from },
        ),
      )
      .catch((error: unknown) => {
        // Not kept: the next mail tries again.
        transport = null;
        throw error;
      }));
  const logger = options.logger.child({ component: 'mail' });
  return {
    async send(message) {
      try {
        await (await connect()).sendMail(message);
        logger.info({ subject: message.subject }, 'e-mail sent');
        return true;
      } catch (error) {
        // The recipient's address and the SMTP URL (it may hold a password) stay out of the log.
        logger.error(
          { err: { message: (error as Error).message, code: (error as { code?: unknown }).code } },
          'e-mail failed',
        );
        return false;
      }
    },
    close: () => void transport?.then((t) => t.close()).catch(() => undefined),
  };
}
