import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the caseworker saw in the preview of a reply: the words, and the machine translation of them. */
export interface PreviewedReply {
  reportId: number;
  /** The reporter's language the translation is in. */
  target: string;
  phrase: string | null;
  body: string;
  translation: string;
}

/**
 * The preview's translation travels with the send button, so that the reporter reads exactly what the
 * caseworker saw (a model may word it differently a second time). A seal over the words and the translation,
 * made with the server's secret, keeps a changed field from being stored as a machine's words: an unsealed
 * reply, or one whose words changed after the preview, is translated anew after it is sent.
 */
export function createReplySeal(secret: string) {
  const sealOf = (reply: PreviewedReply) =>
    createHmac('sha256', secret)
      .update(
        `reply-preview:${JSON.stringify([reply.reportId, reply.target, reply.phrase, reply.body, reply.translation])}`,
      )
      .digest('base64url');
  return {
    seal: sealOf,
    holds(reply: PreviewedReply, seal: string): boolean {
      const expected = Buffer.from(sealOf(reply));
      const given = Buffer.from(seal);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
export type ReplySeal = ReturnType<typeof createReplySeal>;
