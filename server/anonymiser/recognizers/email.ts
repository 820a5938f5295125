import type { Candidate, ScanInput } from '../types';
import { isLetterOrNumberAt, isSpaceAt, matchesNear, sticky } from '../scan';

/**
 * E-mail addresses, including internationalised and punycode domains. "(at)" and "[at]" spellings
 * are common in reports written to dodge spam filters, so they count too.
 */
const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:@|\s?[([]at[)\]]\s?)(?:[\p{L}\p{N}-]+\.)+(?:[\p{L}]{2,24}|xn--[a-z0-9-]+)(?![\p{L}\p{N}-])/giu;

/** Every match holds one of these: most texts have none and skip the scan. */
const EMAIL_SIGN_RE = /@|[([]at[)\]]/iu;
/** Every match holds one of these characters; EMAIL_RE is tried only left of them. */
const EMAIL_ANCHOR_RE = /[@([]/g;
const EMAIL_AT = sticky(EMAIL_RE);

/** Could the character at `i` be inside an e-mail match? Whitespace only next to a bracket of "(at)". */
function mayBeInEmail(text: string, i: number): boolean {
  const ch = text[i]!;
  if ('._%+-@()[]'.includes(ch)) return true;
  if (isSpaceAt(text, i)) return '(['.includes(text[i + 1] ?? 'x') || ')]'.includes(text[i - 1] ?? 'x');
  return isLetterOrNumberAt(text, i);
}

function emailStart(text: string, q: number, floor: number): number {
  let s = q;
  while (s > floor && mayBeInEmail(text, s - 1)) s--;
  return s;
}

export function recognizeEmail({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  if (!EMAIL_SIGN_RE.test(text)) return out;
  for (const m of matchesNear(EMAIL_AT, text, EMAIL_ANCHOR_RE, emailStart)) {
    out.push({ type: 'email', start: m.index, end: m.index + m[0].length, score: 0.95 });
  }
  return out;
}
