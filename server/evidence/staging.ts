import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { EvidenceKind, StagedEvidence } from '../../shared/evidence';
import { createByteSealer } from '../crypto/sealing';
import type { CleanFile } from './sanitiser';
import type { BlobStore } from './stores/store';

/**
 * Cleaned files waiting for their report: the review round trip without JavaScript needs them somewhere
 * between the post that uploads them and the post that sends the report, and a page cannot hold them.
 *
 * A staging token (128 random bits) travels in the form as a hidden field, never in an address. The store
 * holds the files under a keyed hash of it, sealed with a key derived from it: without the token, which only
 * the reporter's page holds, the server itself cannot open or even find them. The day is part of the key;
 * staged files are deleted on send and otherwise once their day and the next are over.
 */
export interface StagedFile extends StagedEvidence {
  width: number;
  height: number;
  /** Where the cleaned bytes and their description are. */
  keys: { file: string; meta: string };
  /** The order of staging. */
  n: number;
}

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const FILE_ID = /^[a-f0-9]{32}$/;

export function newStagingToken(): string {
  return randomBytes(16).toString('base64url');
}

export function postedStagingToken(value: unknown): string | null {
  return typeof value === 'string' && TOKEN.test(value) ? value : null;
}

export function postedFileId(value: unknown): string | null {
  return typeof value === 'string' && FILE_ID.test(value) ? value : null;
}

interface Meta {
  n: number;
  kind: EvidenceKind;
  bytes: number;
  width: number;
  height: number;
  pages: number | null;
  thumbnail: string;
}

export function createStaging(store: BlobStore, masterKeyHex: string) {
  const idKey = Buffer.from(
    hkdfSync('sha256', Buffer.from(masterKeyHex, 'hex'), Buffer.alloc(0), 'evidence-staging-id', 32),
  );
  const folderOf = (token: string) => createHmac('sha256', idKey).update(token).digest('hex').slice(0, 32);
  const sealerOf = (token: string) => createByteSealer(masterKeyHex, `evidence-staging:${token}`);

  /** Staged today or yesterday (a report begun before midnight is sent after it). */
  async function list(token: string, today: string): Promise<StagedFile[]> {
    const sealer = sealerOf(token);
    const folder = folderOf(token);
    const found: StagedFile[] = [];
    for (const day of [dayBefore(today), today]) {
      const keys = await store.list(`staging/${day}/${folder}/`);
      for (const { key } of keys.filter((k) => k.key.endsWith('.meta'))) {
        const sealed = await store.get(key);
        const opened = sealed && sealer.open(sealed, key);
        if (!opened) continue;
        const meta = JSON.parse(new TextDecoder().decode(opened)) as Meta;
        const id = key.slice(key.lastIndexOf('/') + 1, -'.meta'.length);
        found.push({ id, ...meta, keys: { file: key.slice(0, -'.meta'.length), meta: key } });
      }
    }
    return found.sort((a, b) => a.n - b.n);
  }

  return {
    list,

    async add(token: string, today: string, clean: CleanFile, n: number): Promise<StagedFile> {
      const sealer = sealerOf(token);
      const id = randomBytes(16).toString('hex');
      const file = `staging/${today}/${folderOf(token)}/${id}`;
      const meta: Meta = {
        n,
        kind: clean.kind,
        bytes: clean.bytes.length,
        width: clean.width,
        height: clean.height,
        pages: clean.pages,
        thumbnail: `data:image/jpeg;base64,${Buffer.from(clean.thumbnail).toString('base64')}`,
      };
      await store.put(file, sealer.seal(clean.bytes, file), today);
      await store.put(
        `${file}.meta`,
        sealer.seal(new TextEncoder().encode(JSON.stringify(meta)), `${file}.meta`),
        today,
      );
      return { id, ...meta, keys: { file, meta: `${file}.meta` } };
    },

    /** The cleaned bytes of a staged file, for sending. */
    async open(token: string, staged: StagedFile): Promise<Uint8Array | null> {
      const sealed = await store.get(staged.keys.file);
      return sealed && sealerOf(token).open(sealed, staged.keys.file);
    },

    async remove(files: StagedFile[]): Promise<void> {
      await store.delete(files.flatMap((f) => [f.keys.file, f.keys.meta]));
    },

    /** Staging older than yesterday: abandoned reports. */
    async sweep(today: string): Promise<number> {
      const keep = dayBefore(today);
      const old = (await store.list('staging/')).filter(({ key }) => (key.split('/')[1] ?? '') < keep);
      await store.delete(old.map((o) => o.key));
      return old.length;
    },
  };
}
export type Staging = ReturnType<typeof createStaging>;

export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** What the page shows of a staged file. */
export function stagedView(file: StagedFile): StagedEvidence {
  return { id: file.id, kind: file.kind, bytes: file.bytes, pages: file.pages, thumbnail: file.thumbnail };
}
