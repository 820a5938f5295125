/**
 * Keys of the public messages that are new and written so far in German, English and Arabic only: the other
 * languages show the English text (their fallback) until a translator adds them. The message check accepts
 * their absence there; a translator removes a key from this list once every language has it.
 */
export const PENDING_TRANSLATION: ReadonlySet<string> = new Set<string>([]);

/** The languages every key must have at once, pending or not. */
export const WRITTEN_FIRST = new Set(['en', 'ar']);
