import fs from 'node:fs';
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import type { Notice } from '../notices';
import type { SmtpSettings } from '../settings';
import { DeliveryFailed, type Transport } from './transport';

/**
 * Mail over SMTP with nodemailer, on Node only (Workers have no raw sockets: they use the mail API). TLS is
 * required: STARTTLS on 587 or TLS from the first byte on 465, TLS 1.2 at least; plain text only to a relay
 * on this machine (checked when the settings are read).
 */
export function smtpTransport(settings: SmtpSettings, from: string): Transport {
  const mailer = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'implicit',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    tls: {
      minVersion: 'TLSv1.2',
      ...(settings.caFile ? { ca: fs.readFileSync(settings.caFile, 'utf8') } : {}),
    },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const domain = from.slice(from.lastIndexOf('@') + 1);
  return {
    name: 'smtp',
    async deliver(notice: Notice, address: string | null, deliveryKey: string) {
      if (!address) throw new DeliveryFailed('no address', true, false);
      try {
        await mailer.sendMail({
          from,
          to: address,
          subject: notice.subject,
          text: notice.text,
          // The same on every attempt: a mail that arrives twice (sent, then the queue could not note it) is
          // recognisable as one.
          messageId: `<${deliveryKey}@${domain}>`,
          // RFC 3834: an automatic message, so that no out-of-office reply answers it.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw smtpFailure(error as NodemailerError);
      }
    },
    close: () => mailer.close(),
  };
}

/**
 * A reply from the server says whether it refused this one mail for good (5xx: no such mailbox) or for now
 * (4xx); no reply at all (refused connection, timeout, TLS or login failing) means the server is out of reach
 * or the settings are wrong, for every mail alike.
 */
function smtpFailure(error: NodemailerError): DeliveryFailed {
  if (error.responseCode && error.code !== 'EAUTH') {
    return new DeliveryFailed(`smtp ${error.responseCode}`, error.permanent === true, false);
  }
  return new DeliveryFailed(error.originalCode ?? error.code ?? 'smtp', false, true);
}
