import { guarded, type AtomicWrite, type AtomicWriter } from '../../db/atomic';
import { SPAM_REJECTION_MAX, type SeenReport, type SpamSelection } from '../../shared/staff';
import type { ReportStatus } from '../../shared/taxonomy';
import type { Actor, AuditLog } from '../audit/log';
import { isoDay, type Clock } from '../clock';
import { AppError } from '../http/errors';
import { REJECTABLE, type FlaggedRepo } from './flagged-repo';

export interface FlaggedWorkDeps {
  repo: FlaggedRepo;
  atomic: AtomicWriter;
  audit: AuditLog;
  clock: Clock;
}

/** A report offered for rejection on the confirmation page, with the version the rejection will expect. */
export interface SpamCandidate {
  id: number;
  received_on: string;
  flag: string | null;
  excerpt: string;
  /** `<id>@<updated_at>`: what the confirmation's form sends back. */
  seen: string;
}

/**
 * What a caseworker does with flagged reports (a possible flood, sent without the proof of work) and with
 * floods of copies: count one after reading it, or reject many as spam in one decision. Each is one atomic
 * write with an audit row per report, and changes only what is still as the caseworker saw it.
 */
export function createFlaggedWork({ repo, atomic, audit, clock }: FlaggedWorkDeps) {
  /** The refusal that names each report someone else changed (or that can no longer be rejected). */
  const changedMeanwhile = (ids: number[]) =>
    new AppError(
      409,
      'errors.reports_changed',
      Object.fromEntries(ids.map((id) => [`reports.${id}`, 'errors.report_changed'])),
    );

  type States = Awaited<ReturnType<FlaggedRepo['states']>>;
  /** The chosen reports that are gone, changed since they were seen, or no longer open to rejection. */
  const notAsSeen = (seen: SeenReport[], states: States) => {
    const now = new Map(states.map((r) => [r.id, r]));
    return seen
      .filter((s) => {
        const state = now.get(s.id);
        return !state || state.updated_at !== s.version || !REJECTABLE.includes(state.status as ReportStatus);
      })
      .map((s) => s.id);
  };

  return {
    /**
     * "Count it": the caseworker has read a flagged report and found it real. From now on it counts in the
     * statistics (the flag's change marks its day for recounting, migration 0007).
     */
    async countFlagged(actor: Actor, id: number) {
      const row = await repo.flagOf(id);
      if (!row) throw new AppError(404, 'errors.report_unknown');
      if (!row.flag) throw new AppError(409, 'errors.not_flagged');
      const written = await atomic([
        guarded(repo.unflag(id, row.flag, clock.now().toISOString())),
        audit.entry(actor, 'report.count', { reportId: id, detail: { flag: row.flag } }),
      ]);
      if (!written) throw new AppError(409, 'errors.not_flagged');
      return { flag: row.flag };
    },

    /**
     * Rejects the chosen reports as spam, all or none, each with its audit row and its contact details
     * deleted. A report changed by someone else since it was chosen (or no longer open to rejection) stops
     * the whole decision with a 409 that names it.
     */
    async rejectAsSpam(actor: Actor, seen: SeenReport[]): Promise<{ rejected: number }> {
      const read = await repo.states(seen.map((s) => s.id));
      const changed = notAsSeen(seen, read);
      if (changed.length) throw changedMeanwhile(changed);
      const states = new Map(read.map((r) => [r.id, r]));
      const today = isoDay(clock.now());
      const now = clock.now().toISOString();
      const guards: AtomicWrite[] = [];
      const rest: AtomicWrite[] = [];
      for (const s of seen) {
        const state = states.get(s.id)!;
        // Guards first: on PostgreSQL each takes its row's lock before anything else is written.
        guards.push(guarded(repo.rejectAsSpam(s.id, { status: state.status, version: s.version }, today, now)));
        if (state.has_contact) rest.push(repo.deleteContact(s.id));
        rest.push(
          audit.entry(actor, 'report.status', {
            reportId: s.id,
            detail: {
              from: state.status,
              to: 'rejected',
              reason: 'spam',
              contactDeleted: Boolean(state.has_contact),
              bulk: seen.length,
            },
          }),
        );
      }
      if (await atomic([...guards, ...rest])) return { rejected: seen.length };
      // Someone else's change came between the read and the write: say which.
      throw changedMeanwhile(notAsSeen(seen, await repo.states(seen.map((s) => s.id))));
    },

    /**
     * What the inbox's checkboxes chose, as the confirmation page lists it: single reports with the version
     * seen in the inbox, whole groups with their members as they are now (the page shows them before anyone
     * confirms). At most SPAM_REJECTION_MAX; `more` says that others are left for a next step.
     */
    async spamCandidates(selection: SpamSelection): Promise<{ candidates: SpamCandidate[]; more: boolean }> {
      const [singles, members] = await Promise.all([
        repo.rejectable(selection.reports.map((r) => r.id)),
        repo.rejectableMembers(selection.group, SPAM_REJECTION_MAX + 1),
      ]);
      const seenIn = new Map(selection.reports.map((r) => [r.id, r.version]));
      const byId = new Map<number, SpamCandidate>();
      for (const r of singles)
        byId.set(r.id, { ...r, excerpt: String(r.excerpt), seen: `${r.id}@${seenIn.get(r.id) ?? r.updated_at}` });
      for (const r of members)
        if (!byId.has(r.id)) byId.set(r.id, { ...r, excerpt: String(r.excerpt), seen: `${r.id}@${r.updated_at}` });
      const all = [...byId.values()].map(({ id, received_on, flag, excerpt, seen }) => ({
        id,
        received_on,
        flag,
        excerpt,
        seen,
      }));
      return { candidates: all.slice(0, SPAM_REJECTION_MAX), more: all.length > SPAM_REJECTION_MAX };
    },
  };
}
export type FlaggedWork = ReturnType<typeof createFlaggedWork>;
