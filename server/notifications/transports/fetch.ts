import type { NotificationTransports } from '../service';
import type { NotificationSettings } from '../settings';
import { httpMailTransport } from './http-mail';
import { webhookTransport } from './webhook';

/** The transports that need nothing but fetch, on Node and Workers alike: the mail API and the webhook. */
export function fetchTransports(settings: NotificationSettings): NotificationTransports {
  return {
    mail: settings.mail?.kind === 'http' ? httpMailTransport(settings.mail, settings.from) : null,
    webhook: settings.webhook ? webhookTransport(settings.webhook) : null,
  };
}
