import { guarded, type AtomicWrite, type AtomicWriter } from '../../db/atomic';
import {
  INBOX_COUNT_CAP,
  INBOX_PAGE_SIZE,
  type InboxView,
  type ReplyPreview,
  type ReportView,
} from '../../shared/case-views';
import { phraseText } from '../../shared/i18n/phrasebook';
import { isLocale, type Locale } from '../../shared/locales';
import type { Coding, InboxQuery, Reply } from '../../shared/staff';
import { parseEffectiveCodes, STATUS_TRANSITIONS, type RejectReason, type ReportStatus } from '../../shared/taxonomy';
import { placeholderFor, type EntityType } from '../anonymiser';
import type { Actor, AuditDetail, AuditLog } from '../audit/log';
import { isoDay, type Clock } from '../clock';
import type { Sealer } from '../crypto/sealing';
import { AppError } from '../http/errors';
import type { Notify } from '../notifications/kinds';
import { openContact } from './contacts';
import { inboxFilterOf } from './inbox-filter';
import type { InboxRepo } from './inbox-repo';
import type { CasesRepo } from './repo';
import type { Translation } from '../translation/service';
import type { ReplySeal } from '../translation/reply-seal';
import { readerVersion } from '../translation/views';
import type { ReportTextSearch } from './search';

export interface CasesServiceDeps {
  repo: CasesRepo;
  atomic: AtomicWriter;
  inbox: InboxRepo;
  search: ReportTextSearch;
  audit: AuditLog;
  clock: Clock;
  contactSealer: Sealer;
  /** Tells staff when a report is flagged urgent (never which); never throws. */
  notify?: Notify;
  /** Tells a reporter who left an address that a message waits (never what it says). */
  notifyReporter?: (reportId: number) => Promise<void>;
  /** Machine translation both ways (server/translation/); without a translator, the phrasebook only. */
  translation?: CaseTranslation;
  /** Seals a preview's translation, so that the reply is stored as the caseworker saw it. */
  replySeal?: ReplySeal;
}

type CaseTranslation = Pick<
  Translation,
  'configured' | 'forMessages' | 'queued' | 'jobsOf' | 'preview' | 'translateReport' | 'covers'
>;

/** Acknowledgement is due this many days after receipt. */
export const ACKNOWLEDGE_WITHIN_DAYS = 7;

/** Reading a report again within this time adds no audit row: the first one already says who read it. */
export const READING_AUDITED_EVERY_MS = 15 * 60_000;

const FINAL: readonly string[] = ['closed', 'rejected'];

/** The reporter's language, from the report's (a code from an older configuration reads German). */
const reader = (locale: string): Locale => (isLocale(locale) ? locale : 'de');

export function acknowledgementDue(receivedOn: string): string {
  const day = new Date(`${receivedOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ACKNOWLEDGE_WITHIN_DAYS);
  return isoDay(day);
}

/**
 * The rules of case work. Each change is one atomic write together with its audit row (ids and codes, never
 * text), guarded so that it changes nothing when the case is no longer as it was read: of two changes at
 * once, one wins and the other is told (409), and a crash leaves either all of a change or none of it.
 */
export function createCasesService({
  repo,
  atomic,
  inbox,
  search,
  audit,
  clock,
  contactSealer,
  notify,
  notifyReporter,
  translation,
  replySeal,
}: CasesServiceDeps) {
  const now = () => clock.now().toISOString();
  const today = () => isoDay(clock.now());

  /**
   * Writes a change with its audit row. When a guard finds nothing to change, says why: the report is gone
   * (404), or `conflict` (409) when it is there but no longer as the change expected.
   */
  async function change(
    id: number,
    writes: AtomicWrite[],
    entry: { actor: Actor; action: string; detail?: AuditDetail },
    conflict: () => Promise<AppError> = async () => new AppError(409, 'errors.case_changed'),
  ) {
    const written = await atomic([
      ...writes,
      audit.entry(entry.actor, entry.action, { reportId: id, detail: entry.detail ?? {} }),
    ]);
    if (written) return;
    if (!(await repo.exists(id))) throw new AppError(404, 'errors.report_unknown');
    throw await conflict();
  }

  return {
    async inbox(actor: Actor, query: InboxQuery): Promise<InboxView> {
      const filter = inboxFilterOf(query, actor, clock.now());
      // A search or a code filter is counted up to a cap: a common word or code matches most reports, and an
      // exact count would test every one of them on every page. The other filters are counted exactly, from
      // the covering index's columns.
      const cap = filter.searchTerms.length || filter.codes.length ? INBOX_COUNT_CAP : undefined;
      // A search goes over its matches once, under all its filters: narrowed by status, it gives the total
      // but not the other statuses' tabs (counting those would be a second pass over a common word's matches).
      const searchNarrowed = filter.searchTerms.length > 0 && filter.statuses !== undefined;
      const [records, byStatus] = await Promise.all([
        inbox.page(filter, query.page),
        inbox.countsByStatus(filter, { withStatus: searchNarrowed, cap }),
      ]);
      const sum = (counts: Record<string, number>, statuses?: readonly string[]) =>
        (statuses ?? Object.keys(counts)).reduce((total, s) => total + (counts[s] ?? 0), 0);
      let total = sum(byStatus.counts, filter.statuses);
      let capped = byStatus.capped;
      if (capped && filter.statuses && !searchNarrowed) {
        // More than the cap in all statuses says nothing about the ones asked for: count those on their own.
        const under = await inbox.countsByStatus(filter, { withStatus: true, cap });
        total = under.capped ? INBOX_COUNT_CAP : sum(under.counts);
        capped = under.capped;
      } else if (capped) total = INBOX_COUNT_CAP;
      // Nearly identical texts are one group: the page shows each as one row with its size under the filters
      // (not when the page lists one group's members).
      const groups = query.group ? [] : [...new Set(records.flatMap((r) => (r.text_group ? [r.text_group] : [])))];
      const sizes = await inbox.groupSizes(filter, groups);
      return {
        groups: Object.fromEntries([...sizes].filter(([, n]) => n > 1)),
        rows: records.map(({ effective_codes, ...r }) => ({
          ...r,
          unread: Number(r.unread),
          evidence: Number(r.evidence),
          ackDue: acknowledgementDue(r.received_on),
          overdue: !r.acknowledged_on && !FINAL.includes(r.status) && acknowledgementDue(r.received_on) < today(),
          codes: parseEffectiveCodes(effective_codes),
        })),
        counts: byStatus.capped || searchNarrowed ? {} : byStatus.counts,
        total,
        capped,
        page: query.page,
        pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
      };
    },

    /**
     * A report with everything about it. Opening it marks the reporter's messages read and is audited, in
     * one write; a reading within a quarter of an hour of the same person's last entry adds no row.
     */
    async view(actor: Actor & { id: number }, id: number): Promise<ReportView> {
      const row = await repo.report(id);
      if (!row) throw new AppError(404, 'errors.report_unknown');
      const { receipt_hash, ...report } = row;
      const [codes, messages, notes, links, translations, contactRow, jobs] = await Promise.all([
        repo.codes(id),
        repo.messages(id),
        repo.notes(id),
        repo.links(id),
        repo.translations(id),
        repo.contact(id),
        translation?.jobsOf(id) ?? [],
      ]);
      const unread = messages.some((m) => m.author === 'reporter' && !m.read_at);
      await atomic([
        ...(unread ? [repo.markReporterMessagesRead(id, now())] : []),
        audit.readingEntry(actor, 'report.view', id, READING_AUDITED_EVERY_MS),
      ]);
      return {
        report,
        ackDue: acknowledgementDue(report.received_on),
        codes,
        // Each message as the reporter reads it too: an office message in their language, where it has one.
        messages: messages.map((m) => ({ ...m, reader: readerVersion(m, reader(report.locale)) })),
        notes,
        links,
        translations,
        translating: {
          configured: translation?.configured ?? false,
          // Texts waiting for their translation, and those left to a person (a language the translator lacks).
          pending: jobs.map((j) => ({ subject: j.subject, failed: j.failed, lastError: j.lastError })),
        },
        contact: contactRow
          ? { storedOn: contactRow.stored_on, details: openContact(contactSealer, receipt_hash, contactRow.sealed) }
          : null,
      };
    },

    /**
     * Moves a case along the workflow, only from the status it was read in. Closing (or rejecting) deletes
     * the contact details in the same write.
     */
    async changeStatus(actor: Actor, id: number, status: ReportStatus, reason?: RejectReason) {
      const current = await repo.workflow(id);
      if (!current) throw new AppError(404, 'errors.report_unknown');
      const from = current.status as ReportStatus;
      if (!STATUS_TRANSITIONS[from].includes(status)) throw new AppError(409, 'errors.status_transition');
      const closing = FINAL.includes(status);
      const contactDeleted = closing && Boolean(current.has_contact);
      await change(
        id,
        [
          guarded(
            repo.transition(
              id,
              from,
              status,
              {
                reject_reason: status === 'rejected' ? (reason ?? null) : null,
                closed_on: closing ? today() : null,
                updated_at: now(),
              },
              today(),
            ),
          ),
          ...(closing ? [repo.deleteContact(id), repo.deleteNoticeAddress(id)] : []),
        ],
        {
          actor,
          action: 'report.status',
          detail: { from, to: status, ...(reason ? { reason } : {}), contactDeleted },
        },
        async () => new AppError(409, 'errors.status_changed'),
      );
    },

    async assign(actor: Actor, id: number, assigneeId: number | null) {
      await change(
        id,
        [guarded(repo.assign(id, assigneeId, now()))],
        { actor, action: 'report.assign', detail: { assignee: assigneeId } },
        async () => new AppError(422, 'errors.validation', { assigneeId: 'errors.assignee_invalid' }),
      );
    },

    async setUrgent(actor: Actor, id: number, urgent: boolean) {
      await change(id, [guarded(repo.update(id, { urgent: urgent ? 1 : 0, updated_at: now() }))], {
        actor,
        action: 'report.urgent',
        detail: { urgent },
      });
      if (urgent) await notify?.('report.urgent');
    },

    /** The caseworker's coding, kept beside the reporter's; from now on it is the one that counts. */
    async code(actor: Actor, id: number, coding: Coding) {
      // As for reporters: naming a form of racism implies the ground.
      const grounds =
        coding.racismForms.length && !coding.grounds.includes('racism')
          ? [...coding.grounds, 'racism']
          : coding.grounds;
      const codes = [
        ...grounds.map((code) => ({ dimension: 'ground', code })),
        ...coding.racismForms.map((code) => ({ dimension: 'racism_form', code })),
        ...coding.incidentForms.map((code) => ({ dimension: 'incident_form', code })),
        ...(coding.lifeDomain ? [{ dimension: 'life_domain', code: coding.lifeDomain }] : []),
        ...(coding.reporterRole ? [{ dimension: 'reporter_role', code: coding.reporterRole }] : []),
      ];
      const [report, ...rest] = repo.replaceCaseworkerCodes(id, codes, today(), now());
      await change(id, [guarded(report), ...rest], {
        actor,
        action: 'report.coding',
        detail: { codes: codes.map((c) => `${c.dimension}:${c.code}`) },
      });
    },

    async addNote(actor: Actor & { id: number }, id: number, body: string) {
      await change(id, [guarded(repo.update(id, { updated_at: now() })), repo.addNote(id, actor.id, body, now())], {
        actor,
        action: 'report.note',
      });
    },

    /** Both reports are touched: a link is read from either side. */
    async link(actor: Actor, id: number, relatedId: number) {
      if (id === relatedId) throw new AppError(422, 'errors.validation', { relatedId: 'errors.link_self' });
      await change(
        id,
        [
          guarded(repo.update(id, { updated_at: now() })),
          guarded(repo.update(relatedId, { updated_at: now() })),
          repo.link(id, relatedId),
        ],
        { actor, action: 'report.link', detail: { related: relatedId } },
        async () => new AppError(422, 'errors.validation', { relatedId: 'errors.report_unknown' }),
      );
    },

    async unlink(actor: Actor, id: number, relatedId: number) {
      await change(id, [guarded(repo.update(id, { updated_at: now() })), repo.unlink(id, relatedId)], {
        actor,
        action: 'report.unlink',
        detail: { related: relatedId },
      });
    },

    /**
     * An anonymous reply: the reporter reads it with their receipt code, the phrase from the phrasebook in
     * their language and the caseworker's words machine translated (the job queued in the same write as the
     * message and its audit row, so a slow or absent translator never holds it back). It acknowledges the
     * report.
     */
    async reply(actor: Actor, id: number, reply: Pick<Reply, 'phrase' | 'body' | 'translation' | 'seal'>) {
      const report = await repo.report(id);
      if (!report) throw new AppError(404, 'errors.report_unknown');
      const phrase = reply.phrase ?? null;
      const target = reader(report.locale);
      // The translation the caseworker saw, when its seal holds for these very words; else it is made anew.
      const previewed =
        reply.body && reply.translation && reply.seal && replySeal
          ? replySeal.holds(
              { reportId: id, target, phrase, body: reply.body, translation: reply.translation },
              reply.seal,
            )
          : false;
      const message = {
        phrase,
        body: reply.body,
        translation: previewed ? { text: reply.translation!, locale: target } : null,
      };
      await change(
        id,
        [
          guarded(repo.acknowledgeOpen(id, today(), now())),
          repo.addOfficeMessage(id, message, today()),
          ...(translation?.forMessages(id) ?? []),
        ],
        {
          actor,
          action: 'report.reply',
          detail: { ...(phrase ? { phrase } : {}), ...(previewed ? { previewed: true } : {}) },
        },
        async () => new AppError(409, 'errors.case_closed'),
      );
      // Only that there is a message, and only if the reporter left an address for it.
      await notifyReporter?.(id);
      translation?.queued();
    },

    /** What the reporter will read of a reply, before it is sent; nothing is stored or audited. */
    async previewReply(id: number, reply: Pick<Reply, 'phrase' | 'body'>): Promise<ReplyPreview> {
      const report = await repo.report(id);
      if (!report) throw new AppError(404, 'errors.report_unknown');
      if (FINAL.includes(report.status as ReportStatus)) throw new AppError(409, 'errors.case_closed');
      const to = reader(report.locale);
      const shown = { reader: to, body: reply.body, phrase: reply.phrase ? phraseText(reply.phrase, to) : null };
      const german = to === 'de' || to === 'de-LS';
      const none = { translation: null, seal: null };
      if (!reply.body || german) return { ...shown, ...none, failure: null };
      if (!translation?.configured) return { ...shown, ...none, failure: 'unavailable' };
      const made = await translation.preview(reply.body, to);
      if (!('text' in made)) return { ...shown, ...none, failure: made.failure };
      const sealed = {
        reportId: id,
        target: to,
        phrase: reply.phrase ?? null,
        body: reply.body,
        translation: made.text,
      };
      return { ...shown, translation: made.text, seal: replySeal?.seal(sealed) ?? null, failure: null };
    },

    /** "Translate now": every text of the report without a translation, tried at once (also jobs given up). */
    async translateNow(actor: Actor, id: number) {
      const report = await repo.report(id);
      if (!report) throw new AppError(404, 'errors.report_unknown');
      if (report.text_deleted_on) throw new AppError(409, 'errors.case_closed');
      if (!translation?.configured) throw new AppError(409, 'errors.translator_missing');
      const outcome = await translation.translateReport(id);
      await audit.record(actor, 'report.translate', {
        reportId: id,
        detail: { translated: outcome.translated, ...(outcome.failure ? { failure: outcome.failure } : {}) },
      });
      return outcome;
    },

    /**
     * Removes a passage of personal data the anonymiser missed, everywhere in the chosen text, replacing it
     * with the anonymiser's placeholder; then purges the search index so the passage cannot be found again.
     * Each text is replaced only while it is the one that was read, so two redactions at once cannot put
     * back what the other removed: the later one is told to try again.
     */
    async redact(
      actor: Actor,
      id: number,
      field: 'description' | 'consequences' | 'messages',
      passage: string,
      kind: EntityType,
    ) {
      const report = await repo.report(id);
      if (!report) throw new AppError(404, 'errors.report_unknown');
      const placeholder = placeholderFor(kind, report.locale as Locale);
      const replace = (text: string) => text.split(passage).join(placeholder);
      const occurrences = (text: string) => text.split(passage).length - 1;
      const writes: AtomicWrite[] = [];
      let count = 0;
      if (field === 'messages') {
        for (const m of await repo.messages(id)) {
          const n = occurrences(m.body);
          if (n) writes.push(guarded(repo.replaceMessageBody(m.id, m.body, replace(m.body))));
          count += n;
        }
        // The translations go with the old words, and are made again from the new ones in the same write.
        if (count) writes.push(...(translation?.forMessages(id) ?? []));
      } else {
        count = occurrences(report[field]);
        if (count) writes.push(guarded(repo.replaceText(id, field, report[field], replace(report[field]), now())));
        for (const t of await repo.translations(id))
          if (t.field === field && t.body.includes(passage))
            writes.push(guarded(repo.replaceTranslationBody(id, field, t.locale, t.body, replace(t.body))));
      }
      if (count === 0) throw new AppError(422, 'errors.validation', { passage: 'errors.redaction_not_found' });
      await change(id, writes, { actor, action: 'report.redact', detail: { field, kind, occurrences: count } });
      if (field === 'messages') translation?.queued();
      await search.purgeRemovedText();
      return { occurrences: count };
    },

    assignableStaff: () => repo.assignableStaff(),
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
