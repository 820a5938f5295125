import { phraseText } from '../../shared/i18n/phrasebook';
import { isLocale, type Locale } from '../../shared/locales';
import type { Coding, InboxQuery, Reply } from '../../shared/staff';
import { parseEffectiveCodes, STATUS_TRANSITIONS, type RejectReason, type ReportStatus } from '../../shared/taxonomy';
import { placeholderFor, type EntityType } from '../anonymiser';
import type { Actor, AuditLog } from '../audit/log';
import { isoDay, type Clock } from '../clock';
import type { Sealer } from '../crypto/sealing';
import { AppError } from '../http/errors';
import type { Notify } from '../notifications/kinds';
import { openContact } from './contacts';
import { inboxFilterOf } from './inbox-filter';
import { INBOX_PAGE_SIZE, type InboxRepo } from './inbox-repo';
import type { CasesRepo } from './repo';
import type { Translation } from '../translation/service';
import type { TranslationFailure } from '../translation/translator';
import type { ReplySeal } from '../translation/reply-seal';
import { readerVersion } from '../translation/views';
import type { ReportTextSearch } from './search';

export interface CasesServiceDeps {
  repo: CasesRepo;
  inbox: InboxRepo;
  search: ReportTextSearch;
  audit: AuditLog;
  clock: Clock;
  contactSealer: Sealer;
  /** Tells staff when a report is flagged urgent (never which); never throws. */
  notify?: Notify;
  /** Machine translation both ways (server/translation/); without a translator, the phrasebook only. */
  translation?: CaseTranslation;
  /** Seals a preview's translation, so that the reply is stored as the caseworker saw it. */
  replySeal?: ReplySeal;
}

type CaseTranslation = Pick<
  Translation,
  'configured' | 'forMessages' | 'queued' | 'jobsOf' | 'preview' | 'translateReport' | 'covers'
>;

/** What the reporter will read of a reply before it is sent: each part in their language, or why not. */
export interface ReplyPreview {
  reader: Locale;
  /** The caseworker's words as written: what the reporter reads where there is no translation. */
  body: string;
  phrase: string | null;
  /** The caseworker's words as the reporter will read them; null when they stay German (see `failure`). */
  translation: string | null;
  /** Sent back with the reply, the translation is stored as previewed (see reply-seal.ts). */
  seal: string | null;
  failure: TranslationFailure | null;
}

/** Acknowledgement is due this many days after receipt. */
export const ACKNOWLEDGE_WITHIN_DAYS = 7;

const FINAL: readonly string[] = ['closed', 'rejected'];

/** The reporter's language, from the report's (a code from an older configuration reads German). */
const reader = (locale: string): Locale => (isLocale(locale) ? locale : 'de');

export function acknowledgementDue(receivedOn: string): string {
  const day = new Date(`${receivedOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ACKNOWLEDGE_WITHIN_DAYS);
  return isoDay(day);
}

/** The rules of case work; every change and every view is audited (ids and codes, never text). */
export function createCasesService({
  repo,
  inbox,
  search,
  audit,
  clock,
  contactSealer,
  notify,
  translation,
  replySeal,
}: CasesServiceDeps) {
  const now = () => clock.now().toISOString();
  const today = () => isoDay(clock.now());

  async function requireReport(id: number) {
    const report = await repo.report(id);
    if (!report) throw new AppError(404, 'errors.report_unknown');
    return report;
  }
  async function requireOpen(id: number) {
    const report = await requireReport(id);
    if (FINAL.includes(report.status)) throw new AppError(409, 'errors.case_closed');
    return report;
  }

  return {
    async inbox(actor: Actor, query: InboxQuery) {
      const filter = inboxFilterOf(query, actor, clock.now());
      const [rows, counts] = await Promise.all([inbox.page(filter, query.page), inbox.countsByStatus(filter)]);
      const total = filter.statuses
        ? filter.statuses.reduce((sum, s) => sum + (counts[s] ?? 0), 0)
        : Object.values(counts).reduce((a, b) => a + b, 0);
      return {
        rows: rows.map(({ effective_codes, ...r }) => ({
          ...r,
          unread: Number(r.unread),
          ackDue: acknowledgementDue(r.received_on),
          overdue: !r.acknowledged_on && !FINAL.includes(r.status) && acknowledgementDue(r.received_on) < today(),
          codes: parseEffectiveCodes(effective_codes),
        })),
        counts,
        total,
        page: query.page,
        pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
      };
    },

    /** A report with everything about it; opening it marks the reporter's messages read and is audited. */
    async view(actor: Actor, id: number) {
      const report = await requireReport(id);
      const [codes, messages, notes, links, translations, contactRow, jobs] = await Promise.all([
        repo.codes(id),
        repo.messages(id),
        repo.notes(id),
        repo.links(id),
        repo.translations(id),
        repo.contact(id),
        translation?.jobsOf(id) ?? [],
      ]);
      await repo.markReporterMessagesRead(id, now());
      await audit.record(actor, 'report.view', { reportId: id, detail: { contact: Boolean(contactRow) } });
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
          ? {
              storedOn: contactRow.stored_on,
              details: openContact(contactSealer, report.receipt_hash, contactRow.sealed),
            }
          : null,
      };
    },

    /** Moves a case along the workflow. Closing (or rejecting) deletes the contact details at once. */
    async changeStatus(actor: Actor, id: number, status: ReportStatus, reason?: RejectReason) {
      const report = await requireReport(id);
      const from = report.status as ReportStatus;
      if (!STATUS_TRANSITIONS[from].includes(status)) throw new AppError(409, 'errors.status_transition');
      const closing = FINAL.includes(status);
      await repo.update(id, {
        status,
        reject_reason: status === 'rejected' ? (reason ?? null) : null,
        acknowledged_on: report.acknowledged_on ?? today(),
        closed_on: closing ? today() : null,
        updated_at: now(),
      });
      const contactDeleted = closing ? await repo.deleteContact(id) : false;
      await audit.record(actor, 'report.status', {
        reportId: id,
        detail: { from, to: status, ...(reason ? { reason } : {}), contactDeleted },
      });
    },

    async assign(actor: Actor, id: number, assigneeId: number | null) {
      await requireReport(id);
      if (assigneeId !== null) {
        const staff = await repo.assignableStaff();
        if (!staff.some((s) => s.id === assigneeId))
          throw new AppError(422, 'errors.validation', { assigneeId: 'errors.assignee_invalid' });
      }
      await repo.update(id, { assignee_id: assigneeId, updated_at: now() });
      await audit.record(actor, 'report.assign', { reportId: id, detail: { assignee: assigneeId } });
    },

    async setUrgent(actor: Actor, id: number, urgent: boolean) {
      await requireReport(id);
      await repo.update(id, { urgent: urgent ? 1 : 0, updated_at: now() });
      await audit.record(actor, 'report.urgent', { reportId: id, detail: { urgent } });
      if (urgent) await notify?.('report.urgent');
    },

    /** The caseworker's coding, kept beside the reporter's; from now on it is the one that counts. */
    async code(actor: Actor, id: number, coding: Coding) {
      await requireReport(id);
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
      await repo.replaceCaseworkerCodes(id, codes, today(), now());
      await audit.record(actor, 'report.coding', {
        reportId: id,
        detail: { codes: codes.map((c) => `${c.dimension}:${c.code}`) },
      });
    },

    async addNote(actor: Actor & { id: number }, id: number, body: string) {
      await requireReport(id);
      const noteId = await repo.addNote(id, actor.id, body, now());
      await audit.record(actor, 'report.note', { reportId: id, detail: { note: noteId } });
    },

    async link(actor: Actor, id: number, relatedId: number) {
      if (id === relatedId) throw new AppError(422, 'errors.validation', { relatedId: 'errors.link_self' });
      await requireReport(id);
      if (!(await repo.report(relatedId)))
        throw new AppError(422, 'errors.validation', { relatedId: 'errors.report_unknown' });
      await repo.link(id, relatedId);
      await audit.record(actor, 'report.link', { reportId: id, detail: { related: relatedId } });
    },

    async unlink(actor: Actor, id: number, relatedId: number) {
      await requireReport(id);
      await repo.unlink(id, relatedId);
      await audit.record(actor, 'report.unlink', { reportId: id, detail: { related: relatedId } });
    },

    /**
     * An anonymous reply: the reporter reads it with their receipt code, the phrase from the phrasebook in
     * their language and the caseworker's words machine translated (queued in the same write, so a slow or
     * absent translator never holds it back). It acknowledges the report.
     */
    async reply(actor: Actor, id: number, reply: Pick<Reply, 'phrase' | 'body' | 'translation' | 'seal'>) {
      const report = await requireOpen(id);
      if (report.text_deleted_on) throw new AppError(409, 'errors.case_closed');
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
      await repo.addOfficeMessage(
        id,
        { phrase, body: reply.body, translation: previewed ? { text: reply.translation!, locale: target } : null },
        today(),
        { acknowledged_on: report.acknowledged_on ?? today(), updated_at: now() },
        translation?.forMessages(id) ?? [],
      );
      translation?.queued();
      await audit.record(actor, 'report.reply', {
        reportId: id,
        detail: { ...(phrase ? { phrase } : {}), ...(previewed ? { previewed: true } : {}) },
      });
    },

    /** What the reporter will read of a reply, before it is sent; nothing is stored or audited. */
    async previewReply(id: number, reply: Pick<Reply, 'phrase' | 'body'>): Promise<ReplyPreview> {
      const report = await requireOpen(id);
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
      const report = await requireReport(id);
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
     */
    async redact(
      actor: Actor,
      id: number,
      field: 'description' | 'consequences' | 'messages',
      passage: string,
      kind: EntityType,
    ) {
      const report = await requireReport(id);
      const placeholder = placeholderFor(kind, report.locale as Locale);
      const replace = (text: string) => text.split(passage).join(placeholder);
      const occurrences = (text: string) => text.split(passage).length - 1;
      let count = 0;
      if (field === 'messages') {
        for (const m of await repo.messages(id)) {
          const n = occurrences(m.body);
          // The translation goes with the old words, and is made again from the new ones.
          if (n) await repo.setMessageBody(m.id, replace(m.body), null);
          count += n;
        }
        if (count && translation) {
          await repo.write(translation.forMessages(id));
          translation.queued();
        }
      } else {
        count = occurrences(report[field]);
        if (count) await repo.update(id, { [field]: replace(report[field]), updated_at: now() });
        for (const t of await repo.translations(id))
          if (t.field === field && t.body.includes(passage))
            await repo.setTranslationBody(id, field, t.locale, replace(t.body));
      }
      if (count === 0) throw new AppError(422, 'errors.validation', { passage: 'errors.redaction_not_found' });
      await search.purgeRemovedText();
      await audit.record(actor, 'report.redact', { reportId: id, detail: { field, kind, occurrences: count } });
      return { occurrences: count };
    },

    assignableStaff: () => repo.assignableStaff(),
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
