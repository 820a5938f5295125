import type { Notice } from '../notices';

/** One way out for every notice: SMTP, a JSON mail API or a webhook. */
export interface Transport {
  readonly name: 'smtp' | 'http' | 'webhook';
  /**
   * Delivers one notice; `deliveryKey` is the same on every attempt at it, so that the receiver can drop a
   * repeat. Throws DeliveryFailed.
   */
  deliver(notice: Notice, address: string | null, deliveryKey: string): Promise<void>;
  close?(): void;
}

/**
 * Why a delivery failed, as a short reason for the admins (a code or a status, never the server's prose),
 * whether trying again can help, and whether the whole transport is down (then the other notices of this
 * pass wait too, instead of each knocking on a closed door).
 */
export class DeliveryFailed extends Error {
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
    readonly transportDown: boolean,
  ) {
    super(reason);
  }
}

/** An HTTP status as a failure: 4xx is the receiver refusing this notice (except 408, 429), 5xx passes. */
export function httpFailure(status: number): DeliveryFailed {
  const passes = status >= 500 || status === 408 || status === 429;
  // A wrong key or address refuses every notice alike: as good as down until someone fixes the setting.
  const wholeTransport = passes || status === 401 || status === 403 || status === 404;
  return new DeliveryFailed(`http ${status}`, !passes && !wholeTransport, wholeTransport);
}

/** A network error (refused, reset, timed out): the receiver is unreachable for now. */
export function networkFailure(error: unknown): DeliveryFailed {
  const code = (error as { cause?: { code?: string }; code?: string; name?: string })?.cause?.code;
  const name = (error as { name?: string })?.name;
  return new DeliveryFailed(code ?? (name === 'TimeoutError' ? 'timeout' : 'network'), false, true);
}
