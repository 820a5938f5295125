import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { isoDay, type Clock } from '../clock';
import { createEvidenceRepo, fileKeys, type EvidenceRepo } from './repo';
import { createStaging, dayBefore } from './staging';
import type { BlobStore } from './stores/store';

/**
 * Deleting evidence bytes, for everyone who deletes reports or their text (withdrawal, retention, the back
 * office): the rows go in the caller's atomic write, then `forget` deletes the bytes; `sweep` catches what an
 * interruption between the two left behind, and staging of reports never sent.
 */
export function createEvidenceHousekeeping(deps: {
  store: BlobStore;
  repo: EvidenceRepo;
  clock: Clock;
  encryptionKey: string;
}) {
  const { store, repo, clock } = deps;
  const staging = createStaging(store, deps.encryptionKey);
  return {
    /** The bytes of files whose rows are gone. */
    async forget(ids: string[]): Promise<void> {
      await store.delete(ids.flatMap((id) => Object.values(fileKeys(id))));
    },

    /**
     * Leftovers: staging of abandoned reports, and files whose rows never came or went without them (a crash
     * between the two writes). Files of today and yesterday are left alone: they may belong to a write under way.
     */
    async sweep(): Promise<{ staging: number; orphans: number }> {
      const day = isoDay(clock.now());
      const stagingGone = await staging.sweep(day);
      const stored = await store.list('files/');
      const idOf = (key: string) => key.slice('files/'.length).replace(/\.thumb$/, '');
      const existing = await repo.existing([...new Set(stored.map((s) => idOf(s.key)))]);
      const keep = dayBefore(day);
      const orphans = stored.filter((s) => !existing.has(idOf(s.key)) && s.day < keep);
      await store.delete(orphans.map((o) => o.key));
      return { staging: stagingGone, orphans: orphans.length };
    },
  };
}
export type EvidenceHousekeeping = ReturnType<typeof createEvidenceHousekeeping>;

/** The same over a database, for the retention job and its command line. */
export function evidenceHousekeepingFor(db: Kysely<Database>, store: BlobStore, clock: Clock, encryptionKey: string) {
  return createEvidenceHousekeeping({ store, repo: createEvidenceRepo(db), clock, encryptionKey });
}
