import { randomBytes } from 'node:crypto';
import type { AtomicWriter } from '../../db/atomic';
import type { EvidenceKind, EvidenceLimits, EvidenceUpload, RefusedFile } from '../../shared/evidence';
import { isoDay, type Clock } from '../clock';
import { createByteSealer } from '../crypto/sealing';
import { fileKeys, type EvidenceRepo, type EvidenceRow, type NewEvidenceRow } from './repo';
import { RefusedUpload, type Area, type CleanFile, type Sanitiser } from './sanitiser';
import { createEvidenceHousekeeping } from './housekeeping';
import { createStaging, newStagingToken, stagedView, type StagedFile } from './staging';
import type { BlobStore } from './stores/store';

export interface EvidenceServiceDeps {
  store: BlobStore;
  sanitiser: Sanitiser;
  repo: EvidenceRepo;
  atomic: AtomicWriter;
  clock: Clock;
  /** The master key: files get keys of their own derived from it (`report-evidence`, staging per token). */
  encryptionKey: string;
  limits: EvidenceLimits;
}

/** Staged files on their way into a report's atomic write. */
export interface PreparedEvidence {
  rows: NewEvidenceRow[];
  /** The write failed or was refused: the copies made for it go. */
  abandon(): Promise<void>;
  /** The write succeeded: the staging goes. */
  sent(): Promise<void>;
}

/**
 * Evidence from upload to deletion: each upload is cleaned (a new picture, nothing else of the file), sealed
 * and staged under the form's token; sending the report moves the staged files into it in the report's own
 * atomic write; caseworkers read them (audited by the routes that call this); deleting a report deletes its
 * files' bytes with it.
 */
export function createEvidenceService(deps: EvidenceServiceDeps) {
  const { store, sanitiser, repo, clock, limits } = deps;
  const sealer = createByteSealer(deps.encryptionKey, 'report-evidence');
  const staging = createStaging(store, deps.encryptionKey);
  const housekeeping = createEvidenceHousekeeping({ store, repo, clock, encryptionKey: deps.encryptionKey });
  const { forget } = housekeeping;
  const today = () => isoDay(clock.now());
  let lastSweep = '';

  /** The staged files of a token as the page shows them, with what the upload refused. */
  const viewOf = (token: string, files: StagedFile[], refused: RefusedFile[] = []): EvidenceUpload => ({
    token,
    files: files.map(stagedView),
    refused,
  });

  /** Cleans and stages uploads one after another: one large picture at a time in memory per request. */
  async function stage(token: string | null, uploads: File[]): Promise<EvidenceUpload> {
    const day = today();
    // Abandoned staging of earlier days goes whenever someone stages, at most once a day per process.
    if (lastSweep !== day) {
      lastSweep = day;
      await staging.sweep(day).catch(() => undefined);
    }
    const t = token ?? newStagingToken();
    const files = await staging.list(t, day);
    const refused: RefusedFile[] = [];
    let total = files.reduce((sum, f) => sum + f.bytes, 0);
    let n = files.reduce((max, f) => Math.max(max, f.n), 0);
    for (const upload of uploads) {
      const name = upload.name.slice(0, 200);
      try {
        if (files.length >= limits.maxFiles) throw new RefusedUpload('too_many');
        if (upload.size > limits.maxFileBytes) throw new RefusedUpload('too_big');
        const clean = await sanitiser.clean(new Uint8Array(await upload.arrayBuffer()));
        if (total + clean.bytes.length > limits.maxTotalBytes) throw new RefusedUpload('total_too_big');
        files.push(await staging.add(t, day, clean, ++n));
        total += clean.bytes.length;
      } catch (error) {
        if (!(error instanceof RefusedUpload)) throw error;
        refused.push({ name, reason: error.reason });
      }
    }
    return viewOf(t, files, refused);
  }

  /** New copies of the staged files under their own ids and keys, sealed for the office. */
  async function prepare(token: string, source: NewEvidenceRow['source']): Promise<PreparedEvidence | null> {
    const day = today();
    const staged = await staging.list(token, day);
    if (staged.length === 0) return null;
    const written: string[] = [];
    const rows: NewEvidenceRow[] = [];
    try {
      for (const file of staged) {
        const bytes = await staging.open(token, file);
        if (!bytes) continue;
        const id = randomBytes(16).toString('hex');
        const keys = fileKeys(id);
        const thumbnail = Buffer.from(file.thumbnail.slice(file.thumbnail.indexOf(',') + 1), 'base64');
        await store.put(keys.file, sealer.seal(bytes, keys.file), day);
        written.push(keys.file);
        await store.put(keys.thumbnail, sealer.seal(thumbnail, keys.thumbnail), day);
        written.push(keys.thumbnail);
        rows.push({
          id,
          kind: file.kind,
          bytes: bytes.length,
          width: file.width,
          height: file.height,
          pages: file.pages,
          source,
          added_on: day,
          covered_on: null,
        });
      }
    } catch (error) {
      await store.delete(written).catch(() => undefined);
      throw error;
    }
    return {
      rows,
      abandon: () => store.delete(written),
      sent: () => staging.remove(staged),
    };
  }

  /** A file's cleaned bytes (or its thumbnail), opened for the office; null when gone or not ours. */
  async function read(
    id: string,
    which: 'file' | 'thumbnail' = 'file',
  ): Promise<{ row: EvidenceRow; bytes: Uint8Array } | null> {
    const row = await repo.find(id);
    if (!row) return null;
    const key = fileKeys(id)[which];
    const sealed = await store.get(key);
    const bytes = sealed && sealer.open(sealed, key);
    return bytes ? { row, bytes } : null;
  }

  /** The bytes of files whose rows are gone. */

  return {
    limits,
    kinds: sanitiser.kinds as readonly EvidenceKind[],
    stage,
    prepare,

    /** What is staged under a token (nothing when the token is unknown or its day is over). */
    async staged(token: string): Promise<EvidenceUpload> {
      return viewOf(token, await staging.list(token, today()));
    },

    /** The reporter removed a file before sending: its bytes go at once. */
    async unstage(token: string, fileId: string): Promise<EvidenceUpload> {
      const files = await staging.list(token, today());
      const gone = files.filter((f) => f.id === fileId);
      await staging.remove(gone);
      return viewOf(
        token,
        files.filter((f) => f.id !== fileId),
      );
    },

    /** Files added to an existing report (the receipt page, the back office): rows in one write, then staging goes. */
    async attach(reportId: number, token: string, source: NewEvidenceRow['source']): Promise<number> {
      const prepared = await prepare(token, source);
      if (!prepared) return 0;
      try {
        await deps.atomic(repo.insertForReport(reportId, prepared.rows));
      } catch (error) {
        await prepared.abandon().catch(() => undefined);
        throw error;
      }
      await prepared.sent().catch(() => undefined);
      return prepared.rows.length;
    },

    filesOf: (reportId: number) => repo.ofReport(reportId),
    /** A file's row (which report, what kind), without opening its bytes. */
    find: (id: string) => repo.find(id),

    read,

    /**
     * A picture with areas burned in black: a new file with a new id takes the old one's place in one write,
     * then the old bytes are deleted. Returns the new file's row.
     */
    async cover(id: string, areas: Area[]): Promise<EvidenceRow | null> {
      const current = await read(id);
      if (!current) return null;
      const covered: CleanFile = await sanitiser.cover({ kind: current.row.kind, bytes: current.bytes }, areas);
      const day = today();
      const newId = randomBytes(16).toString('hex');
      const keys = fileKeys(newId);
      await store.put(keys.file, sealer.seal(covered.bytes, keys.file), day);
      await store.put(keys.thumbnail, sealer.seal(covered.thumbnail, keys.thumbnail), day);
      const row: EvidenceRow = {
        ...current.row,
        id: newId,
        bytes: covered.bytes.length,
        width: covered.width,
        height: covered.height,
        covered_on: day,
      };
      try {
        await deps.atomic([repo.deleteOne(id), repo.insertForReport(current.row.report_id, [row])[0]!]);
      } catch (error) {
        await store.delete([keys.file, keys.thumbnail]).catch(() => undefined);
        throw error;
      }
      await forget([id]);
      return row;
    },

    /** Deletes one file: its row, then its bytes. */
    async remove(id: string): Promise<EvidenceRow | null> {
      const row = await repo.find(id);
      if (!row) return null;
      await deps.atomic([repo.deleteOne(id)]);
      await forget([id]);
      return row;
    },

    /** The ids of these reports' files, to read before their rows are deleted with the reports. */
    idsOfReports: (reportIds: number[]) => repo.idsOfReports(reportIds),
    /** For the atomic write that deletes the reports (or their text). */
    deleteRowsOf: (reportIds: number[]) => repo.deleteOfReports(reportIds),

    forget,

    sweep: housekeeping.sweep,
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
