import { isValidIban } from '../checksums';
import type { Candidate, ScanInput } from '../types';
import { allMatches } from '../scan';

/**
 * IBANs of any country, compact or in groups of four. The regex over-reaches on purpose (it may eat
 * the next word); the longest prefix that passes mod-97 wins. An IBAN-shaped string that fails the
 * checksum is still removed as an account number when "IBAN"/"Konto" stands before it, because a
 * typo in one's own IBAN is still one's IBAN.
 */
const IBAN_START_RE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:(?:[ \u00A0-]|\r?\n)?[A-Za-z0-9]{1,4}){3,8}/gu;
/** Between groups: a space, a dash, or a line break (an IBAN copied from a letter wraps). */
const GROUP_SEPARATOR_RE = /[ \u00A0\r\n-]/;
const GROUP_SEPARATORS_RE = /[ \u00A0\r\n-]/g;
const IBAN_CONTEXT_RE = /(iban|konto|account|hesap|счёт|счет|рахун|حساب|آيبان|ايبان|شبا|konta|compte)/;

export function recognizeIban({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of allMatches(IBAN_START_RE, text)) {
    const raw = m[0];
    let found = false;
    // Try the longest prefix first, shrinking by one character so a swallowed next word is dropped.
    for (let len = raw.length; len >= 15; len--) {
      const candidate = raw.slice(0, len);
      if (GROUP_SEPARATOR_RE.test(candidate[candidate.length - 1]!)) continue;
      const next = raw[len];
      if (next !== undefined && !GROUP_SEPARATOR_RE.test(next)) continue;
      if (isValidIban(candidate.replace(GROUP_SEPARATORS_RE, '').toUpperCase())) {
        out.push({ type: 'iban', start: m.index, end: m.index + len, score: 1 });
        found = true;
        break;
      }
    }
    if (!found) {
      const ctx = text.slice(Math.max(0, m.index - 30), m.index).toLowerCase();
      const compact = raw.replace(GROUP_SEPARATORS_RE, '');
      if (IBAN_CONTEXT_RE.test(ctx) && compact.length >= 15 && /\d{4}/.test(compact)) {
        const trimmed = raw.replace(/(?:[ \u00A0-]|\r?\n)[A-Za-z]+$/, '');
        out.push({ type: 'account', start: m.index, end: m.index + trimmed.length, score: 0.7 });
      }
    }
  }
  return out;
}
