import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * The backup file: a readable first line, a JSON header with the key derivation's parameters, then the
 * payload sealed with AES-256-GCM under a key derived from a passphrase with scrypt, then the 16-byte tag.
 * The two header lines are authenticated too, so that nobody can weaken the parameters unnoticed.
 *
 *   meldestelle-backup 1\n
 *   {"kdf":"scrypt","N":131072,"r":8,"p":1,"salt":"…","iv":"…"}\n
 *   <ciphertext of gzip(payload)><tag>
 *
 * payload = 4 bytes (big-endian length of the manifest) + the manifest as JSON + the database's bytes.
 */
const MAGIC = 'meldestelle-backup 1\n';
/** scrypt with 128 MiB and about half a second per guess on a server: a stolen file resists guessing. */
const KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
const TAG_BYTES = 16;

export interface BackupManifest {
  version: 1;
  /** The day the copy was made (a day, as everything the portal keeps about when). */
  createdOn: string;
  database: { kind: 'sqlite' | 'postgres'; format: 'sqlite-file' | 'pg_dump-custom'; bytes: number };
  /** What the data needs besides itself: without them no receipt code matches and contact details stay sealed. */
  secrets: { receiptSecret: string; encryptionKey: string };
  /** How many reports the copy holds: printed on restore, so the office can compare. */
  reports: number;
}

export class BackupError extends Error {}

interface Header {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
}

async function deriveKey(passphrase: string, header: Header): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(header.salt, 'base64'),
      32,
      { N: header.N, r: header.r, p: header.p, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/**
 * Writes the sealed backup: the manifest, then the database's bytes streamed from `database` (a file
 * read or pg_dump's output), never whole in memory. The file is created for its owner only and must not exist.
 */
export async function writeBackup(
  file: string,
  passphrase: string,
  manifest: BackupManifest,
  database: Readable,
): Promise<void> {
  const header: Header = {
    kdf: 'scrypt',
    ...KDF,
    salt: crypto.randomBytes(16).toString('base64'),
    iv: crypto.randomBytes(12).toString('base64'),
  };
  const preamble = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`);
  const cipher = crypto.createCipheriv(
    'aes-256-gcm',
    await deriveKey(passphrase, header),
    Buffer.from(header.iv, 'base64'),
  );
  cipher.setAAD(preamble);
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(manifestBytes.length);
  async function* payload() {
    yield length;
    yield manifestBytes;
    yield* database;
  }
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  try {
    await new Promise<void>((resolve, reject) => out.write(preamble, (e) => (e ? reject(e) : resolve())));
    await pipeline(Readable.from(payload()), zlib.createGzip(), cipher, out, { end: false });
    await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), () => resolve()).on('error', reject));
  } catch (error) {
    // A write still in flight reports the teardown as an error of its own: the first error is the one thrown.
    out.on('error', () => {});
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/**
 * Opens a sealed backup: the manifest, and the database's bytes written to `databaseSink`. GCM proves the
 * file whole and the passphrase right only at the very end, so the caller writes into a staging place and
 * keeps it only when this resolves; a wrong passphrase or a changed byte rejects.
 */
export async function readBackup(
  file: string,
  passphrase: string,
  databaseSink: (manifest: BackupManifest) => Writable,
): Promise<BackupManifest> {
  const { size } = fs.statSync(file);
  const fd = fs.openSync(file, 'r');
  let preamble: Buffer;
  let header: Header;
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    const head = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, head, 0, head.length, 0);
    const text = head.toString('latin1');
    const firstEnd = text.indexOf('\n');
    const secondEnd = text.indexOf('\n', firstEnd + 1);
    if (text.slice(0, firstEnd + 1) !== MAGIC || secondEnd < 0) throw new BackupError('not a Meldestelle backup file');
    preamble = head.subarray(0, secondEnd + 1);
    header = parseHeader(text.slice(firstEnd + 1, secondEnd));
    if (header.kdf !== 'scrypt' || header.N < KDF.N || size < preamble.length + TAG_BYTES)
      throw new BackupError('the backup file is damaged');
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  const decipher = crypto.createDecipheriv(
    'aes-256-gcm',
    await deriveKey(passphrase, header),
    Buffer.from(header.iv, 'base64'),
  );
  decipher.setAAD(preamble);
  decipher.setAuthTag(tag);
  let manifest: BackupManifest | undefined;
  let sink: Writable | undefined;
  let pending = Buffer.alloc(0);
  const split = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (manifest) return done(null, chunk);
      pending = Buffer.concat([pending, chunk]);
      if (pending.length < 4) return done();
      const length = pending.readUInt32BE(0);
      if (pending.length < 4 + length) return done();
      manifest = JSON.parse(pending.subarray(4, 4 + length).toString('utf8')) as BackupManifest;
      sink = databaseSink(manifest);
      // A failure of the file being written (or a write still in flight when the pipeline is torn down)
      // fails the restore instead of escaping as an unhandled error.
      sink.on('error', (error) => toSink.destroy(error));
      done(null, pending.subarray(4 + length));
    },
  });
  const toSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!sink!.write(chunk)) sink!.once('drain', () => done());
      else done();
    },
    final(done) {
      sink!.end(() => done());
    },
  });
  try {
    await pipeline(
      fs.createReadStream(file, { start: preamble.length, end: size - TAG_BYTES - 1 }),
      decipher,
      zlib.createGunzip(),
      split,
      toSink,
    );
  } catch (error) {
    sink?.destroy();
    const code = (error as { code?: string }).code;
    if (
      code === 'ERR_CRYPTO_INVALID_AUTH_TAG' ||
      /unable to authenticate/i.test(String(error)) ||
      code === 'Z_DATA_ERROR'
    )
      throw new BackupError('wrong passphrase, or the backup file was changed');
    throw error;
  }
  if (!manifest) throw new BackupError('the backup file is damaged');
  return manifest;
}

function parseHeader(json: string): Header {
  try {
    return JSON.parse(json) as Header;
  } catch {
    throw new BackupError('the backup file is damaged');
  }
}
