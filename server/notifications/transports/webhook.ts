import { createHmac } from 'node:crypto';
import type { Notice } from '../notices';
import { httpFailure, networkFailure, type Transport } from './transport';

const TIMEOUT_MS = 15_000;

/**
 * A signed POST for chat systems and anything else that takes a webhook. Signed as Standard Webhooks
 * specifies: `webhook-id` (the same on every attempt), `webhook-timestamp` (seconds), and `webhook-signature:
 * v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. A secret written `whsec_<base64>` is that key's bytes;
 * any other secret is used as its UTF-8 bytes. The body has a `text` field, which Slack, Mattermost and
 * Rocket.Chat show as the message as it is.
 */
export function webhookTransport(settings: { url: string; secret: string }): Transport {
  const key = settings.secret.startsWith('whsec_')
    ? Buffer.from(settings.secret.slice('whsec_'.length), 'base64')
    : Buffer.from(settings.secret, 'utf8');
  return {
    name: 'webhook',
    async deliver(notice: Notice, _address: string | null, deliveryKey: string) {
      // The receiver checks this against its own clock (replays older than minutes are refused): real time.
      const timestamp = Math.floor(Date.now() / 1000);
      const body = JSON.stringify({
        type: notice.kind,
        timestamp: new Date(timestamp * 1000).toISOString(),
        text: `${notice.summary}\n${notice.link}`,
        link: notice.link,
      });
      const signature = createHmac('sha256', key).update(`${deliveryKey}.${timestamp}.${body}`).digest('base64');
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': deliveryKey,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': `v1,${signature}`,
          },
          body,
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
