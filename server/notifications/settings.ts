import { z } from 'zod';

/** Each notice as it happens, or one mail a day that counts what waits in the inbox. */
export const NOTICE_MODES = ['instant', 'digest'] as const;
export type NoticeMode = (typeof NOTICE_MODES)[number];

export interface SmtpSettings {
  kind: 'smtp';
  host: string;
  port: number;
  /** `starttls` (required, port 587), `implicit` (port 465), `none` (a relay on this machine only). */
  tls: 'starttls' | 'implicit' | 'none';
  user: string | undefined;
  password: string | undefined;
  /** A PEM file with the certificate authority of a private mail server. */
  caFile: string | undefined;
}

/** A JSON mail API in the shape Resend made common (POST {from, to, subject, text}, a bearer key). */
export interface MailApiSettings {
  kind: 'http';
  url: string;
  key: string;
}

export interface NotificationSettings {
  /** How mail leaves: SMTP on Node, a JSON mail API on Node or Workers; null without mail (a webhook only). */
  mail: SmtpSettings | MailApiSettings | null;
  /** The sender of every mail. */
  from: string;
  /** The office's shared mailbox, for offices without per-person addresses. */
  officeMailbox: { address: string; mode: NoticeMode } | null;
  /** A chat system's (or any) endpoint, signed with a shared secret (Standard Webhooks). */
  webhook: { url: string; secret: string } | null;
  /** The hour of the day (in timeZone) from which the daily notices are made. */
  dailyHour: number;
  timeZone: string;
}

const email = z.email({ error: 'must be an e-mail address' });

/** The variables of notifications, the same on Node and on Workers (where SMTP is refused). */
export const notificationEnvShape = {
  MAIL_FROM: email.optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_TLS: z.enum(['starttls', 'implicit', 'none']).default('starttls'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_CA_FILE: z.string().min(1).optional(),
  MAIL_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be the mail API address, e.g. https://api.resend.com/emails' })
    .optional(),
  MAIL_API_KEY: z.string().min(1).optional(),
  NOTIFY_OFFICE_MAILBOX: email.optional(),
  NOTIFY_OFFICE_MODE: z.enum(NOTICE_MODES).default('instant'),
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
  NOTIFY_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  NOTIFY_DAILY_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  NOTIFY_TIME_ZONE: z
    .string()
    .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Europe/Berlin')
    .default('Europe/Berlin'),
};
type NotificationEnv = z.infer<z.ZodObject<typeof notificationEnvShape>>;

/**
 * What cannot be said by one variable alone; reported like any other wrong setting, at start. On Workers
 * there is no SMTP (no raw sockets for nodemailer): the mail API or the webhook instead.
 */
export function checkNotificationEnv(runtime: 'node' | 'worker') {
  return (e: NotificationEnv, ctx: z.RefinementCtx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (e.SMTP_HOST && runtime === 'worker')
      problem('SMTP_HOST', 'SMTP cannot run on Workers: set MAIL_API_URL and MAIL_API_KEY instead');
    if (e.SMTP_HOST && e.MAIL_API_URL) problem('MAIL_API_URL', 'set either SMTP_HOST or MAIL_API_URL, not both');
    if (e.MAIL_API_URL && !e.MAIL_API_KEY) problem('MAIL_API_KEY', 'the mail API needs its key');
    if ((e.SMTP_HOST || e.MAIL_API_URL) && !e.MAIL_FROM) problem('MAIL_FROM', 'the sender address of the mails');
    if (e.SMTP_HOST && e.SMTP_TLS === 'none' && !isLoopback(e.SMTP_HOST))
      problem('SMTP_TLS', '`none` only for a mail relay on this machine (127.0.0.1, ::1, localhost)');
    if (e.SMTP_USER && !e.SMTP_PASSWORD) problem('SMTP_PASSWORD', 'SMTP_USER needs its password');
    if (e.NOTIFY_OFFICE_MAILBOX && !e.SMTP_HOST && !e.MAIL_API_URL)
      problem('NOTIFY_OFFICE_MAILBOX', 'the shared mailbox needs a mail transport: set SMTP_HOST or MAIL_API_URL');
    if (e.NOTIFY_WEBHOOK_URL && !e.NOTIFY_WEBHOOK_SECRET)
      problem('NOTIFY_WEBHOOK_SECRET', 'the webhook needs a shared secret to sign its calls');
  };
}

/** Null when the office set up neither mail nor a webhook: then nothing is queued at all. */
export function notificationSettingsFrom(e: NotificationEnv): NotificationSettings | null {
  const mail: NotificationSettings['mail'] = e.SMTP_HOST
    ? {
        kind: 'smtp',
        host: e.SMTP_HOST,
        port: e.SMTP_PORT ?? (e.SMTP_TLS === 'implicit' ? 465 : e.SMTP_TLS === 'none' ? 25 : 587),
        tls: e.SMTP_TLS,
        user: e.SMTP_USER,
        password: e.SMTP_PASSWORD,
        caFile: e.SMTP_CA_FILE,
      }
    : e.MAIL_API_URL && e.MAIL_API_KEY
      ? { kind: 'http', url: e.MAIL_API_URL, key: e.MAIL_API_KEY }
      : null;
  const webhook =
    e.NOTIFY_WEBHOOK_URL && e.NOTIFY_WEBHOOK_SECRET
      ? { url: e.NOTIFY_WEBHOOK_URL, secret: e.NOTIFY_WEBHOOK_SECRET }
      : null;
  if (!mail && !webhook) return null;
  return {
    mail,
    from: e.MAIL_FROM ?? '',
    officeMailbox:
      mail && e.NOTIFY_OFFICE_MAILBOX ? { address: e.NOTIFY_OFFICE_MAILBOX, mode: e.NOTIFY_OFFICE_MODE } : null,
    webhook,
    dailyHour: e.NOTIFY_DAILY_HOUR,
    timeZone: e.NOTIFY_TIME_ZONE,
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
