import { createHmac, randomBytes } from 'node:crypto';

/**
 * Receipt codes: 16 characters of Crockford's base 32 = 80 random bits, shown as four groups of four.
 * The alphabet has no I, L, O or U, so nothing is mistaken when read aloud or copied by hand; when a
 * person types O for 0 or I/L for 1 anyway, normalising maps them back.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_LENGTH = 16;

export function generateReceiptCode(): string {
  const bytes = randomBytes(10); // 80 bits, exactly 16 symbols of 5 bits
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return formatReceiptCode(out);
}

export function formatReceiptCode(normalised: string): string {
  return normalised.match(/.{1,4}/g)!.join('-');
}

/** The canonical form, or null when what was typed cannot be a receipt code. */
export function normaliseReceiptCode(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== RECEIPT_LENGTH) return null;
  for (const ch of compact) if (!ALPHABET.includes(ch)) return null;
  return compact;
}

/** Only this keyed hash is stored: a leaked database alone does not reveal any code. */
export function hashReceiptCode(normalised: string, secret: string): string {
  return createHmac('sha256', secret).update(`receipt:${normalised}`).digest('hex');
}
