import type { Candidate, ScanInput } from '../types';
import { allMatches } from '../scan';

/**
 * E-mail addresses, including internationalised and punycode domains. "(at)" and "[at]" spellings
 * are common in reports written to dodge spam filters, so they count too.
 */
const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:@|\s?[([]at[)\]]\s?)(?:[\p{L}\p{N}-]+\.)+(?:[\p{L}]{2,24}|xn--[a-z0-9-]+)(?![\p{L}\p{N}-])/giu;

/** Every match holds one of these: most texts have none and skip the scan. */
const EMAIL_SIGN_RE = /@|[([]at[)\]]/iu;

export function recognizeEmail({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  if (!EMAIL_SIGN_RE.test(text)) return out;
  for (const m of allMatches(EMAIL_RE, text)) {
    out.push({ type: 'email', start: m.index, end: m.index + m[0].length, score: 0.95 });
  }
  return out;
}
