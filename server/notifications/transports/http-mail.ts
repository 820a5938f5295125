import type { Notice } from '../notices';
import type { MailApiSettings } from '../settings';
import { DeliveryFailed, httpFailure, networkFailure, type Transport } from './transport';

const TIMEOUT_MS = 15_000;

/**
 * Mail through a JSON API, for Workers where SMTP cannot run. The shape is the one Resend made common and
 * others copied: `POST url` with `Authorization: Bearer KEY`, `Idempotency-Key`, and
 * `{ from, to: [address], subject, text, headers }`; any 2xx is delivered.
 */
export function httpMailTransport(settings: MailApiSettings, from: string): Transport {
  return {
    name: 'http',
    async deliver(notice: Notice, address: string | null, deliveryKey: string) {
      if (!address) throw new DeliveryFailed('no address', true, false);
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${settings.key}`,
            'content-type': 'application/json',
            'idempotency-key': deliveryKey,
          },
          body: JSON.stringify({
            from,
            to: [address],
            subject: notice.subject,
            text: notice.text,
            // RFC 3834: an automatic message, so that no out-of-office reply answers it.
            headers: { 'Auto-Submitted': 'auto-generated' },
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw networkFailure(error);
      }
      await response.body?.cancel();
      if (!response.ok) throw httpFailure(response.status);
    },
  };
}
