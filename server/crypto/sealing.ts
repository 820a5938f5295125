import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface Sealer {
  /** AES-256-GCM with a fresh nonce; `context` (e.g. the report id) is bound in, so a sealed value moved to another row does not open. */
  seal(plaintext: string, context: string): string;
  /** The plaintext, or null when the value was not sealed with this key and context. */
  open(sealed: string, context: string): string | null;
}

const VERSION = 'v1';

/** One master key, one derived key per purpose: contact details and TOTP secrets never share a key. */
export function createSealer(masterKeyHex: string, purpose: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(masterKeyHex, 'hex'), Buffer.alloc(0), purpose, 32));
  return {
    seal(plaintext, context) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed, context) {
      const [version, payload] = sealed.split(':');
      if (version !== VERSION || !payload) return null;
      const raw = Buffer.from(payload, 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

/** The same sealing for files: bytes in, bytes out (a version byte, the nonce, the tag, then the ciphertext). */
export interface ByteSealer {
  seal(plaintext: Uint8Array, context: string): Uint8Array;
  /** The plaintext, or null when the bytes were not sealed with this key and context (or were changed). */
  open(sealed: Uint8Array, context: string): Uint8Array | null;
}

const BYTES_VERSION = 1;

/** `purpose` as for `createSealer`: files get keys of their own, never those of contact details. */
export function createByteSealer(masterKeyHex: string, purpose: string): ByteSealer {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(masterKeyHex, 'hex'), Buffer.alloc(0), purpose, 32));
  return {
    seal(plaintext, context) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return new Uint8Array(Buffer.concat([Buffer.from([BYTES_VERSION]), nonce, cipher.getAuthTag(), body]));
    },
    open(sealed, context) {
      if (sealed.length < 29 || sealed[0] !== BYTES_VERSION) return null;
      const raw = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 13));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(raw.subarray(13, 29));
        return new Uint8Array(Buffer.concat([decipher.update(raw.subarray(29)), decipher.final()]));
      } catch {
        return null;
      }
    },
  };
}
