import { AppError } from '../http/errors';
import {
  assigneeSchema,
  codingSchema,
  linkSchema,
  noteSchema,
  redactionSchema,
  replySchema,
  spamRejectionSchema,
  statusChangeSchema,
  urgentSchema,
} from '../../shared/staff';
import { CASEWORK } from '../auth/roles';
import { staffAction, type ActionCall } from '../staff/action';

const REPORT = 'reports/:id{[0-9]+}';
const backToReport = ({ ids }: ActionCall) => `/staff/reports/${ids.id}`;

/** What a caseworker can do with a report: each one a form on the report page and a JSON route. */
export const CASE_ACTIONS = [
  staffAction({
    summary: 'Move a report along the workflow (closing or rejecting deletes its contact details)',
    method: 'POST',
    path: `${REPORT}/status`,
    roles: CASEWORK,
    input: statusChangeSchema,
    run: ({ services, actor, ids }, { status, reason }) => services.cases.changeStatus(actor, ids.id!, status, reason),
    answer: (_, { status }) => ({ status }),
    page: { back: backToReport, notice: () => 'notices.status_changed' },
  }),
  staffAction({
    summary:
      'Count a flagged report (a possible flood, not verified) after reading it: from now on it is in the statistics',
    method: 'POST',
    path: `${REPORT}/count`,
    roles: CASEWORK,
    run: ({ services, actor, ids }) => services.flagged.countFlagged(actor, ids.id!),
    answer: ({ flag }) => ({ counted: true, flag }),
    page: { back: backToReport, notice: () => 'notices.counted' },
  }),
  staffAction({
    summary:
      'Reject several reports as spam at once, all or none; each `<id>@<updated_at>` as the inbox showed it (409 names those changed meanwhile)',
    method: 'POST',
    path: 'reports/spam',
    roles: CASEWORK,
    input: spamRejectionSchema,
    run: ({ services, actor }, { reports }) => services.flagged.rejectAsSpam(actor, reports),
    answer: (result) => result,
    page: { back: () => '/staff/inbox', notice: () => 'notices.rejected_as_spam' },
  }),
  staffAction({
    summary: 'Assign a report to a caseworker, or to no one (null)',
    method: 'POST',
    path: `${REPORT}/assignee`,
    roles: CASEWORK,
    input: assigneeSchema,
    run: ({ services, actor, ids }, { assigneeId }) => services.cases.assign(actor, ids.id!, assigneeId),
    answer: (_, { assigneeId }) => ({ assigneeId }),
    page: { back: backToReport, notice: () => 'notices.assigned' },
  }),
  staffAction({
    summary: 'Mark a report urgent, or not',
    method: 'POST',
    path: `${REPORT}/urgent`,
    roles: CASEWORK,
    input: urgentSchema,
    run: ({ services, actor, ids }, { urgent }) => services.cases.setUrgent(actor, ids.id!, urgent),
    answer: (_, { urgent }) => ({ urgent }),
    page: { back: backToReport, notice: () => 'notices.urgent_changed' },
  }),
  staffAction({
    summary: "Code a report (the office's coding, kept beside the reporter's, counts from now on)",
    method: 'POST',
    path: `${REPORT}/coding`,
    roles: CASEWORK,
    input: codingSchema,
    run: ({ services, actor, ids }, coding) => services.cases.code(actor, ids.id!, coding),
    answer: () => ({ coded: true }),
    page: { back: backToReport, notice: () => 'notices.coded' },
  }),
  staffAction({
    summary: 'Add an internal note (never shown to the reporter)',
    method: 'POST',
    path: `${REPORT}/notes`,
    roles: CASEWORK,
    input: noteSchema,
    run: ({ services, actor, ids }, { body }) => services.cases.addNote(actor, ids.id!, body),
    answer: () => ({ added: true }),
    status: 201,
    page: { back: backToReport, notice: () => 'notices.note_added' },
  }),
  staffAction({
    summary: 'Link a related report',
    method: 'POST',
    path: `${REPORT}/links`,
    roles: CASEWORK,
    input: linkSchema,
    run: ({ services, actor, ids }, { relatedId }) => services.cases.link(actor, ids.id!, relatedId),
    answer: (_, { relatedId }) => ({ linked: relatedId }),
    status: 201,
    page: { back: backToReport, notice: () => 'notices.linked' },
  }),
  staffAction({
    summary: 'Remove the link to a related report',
    method: 'DELETE',
    path: `${REPORT}/links/:relatedId{[0-9]+}`,
    roles: CASEWORK,
    run: ({ services, actor, ids }) => services.cases.unlink(actor, ids.id!, ids.relatedId!),
    answer: () => ({ unlinked: true }),
    page: { back: backToReport, notice: () => 'notices.unlinked' },
  }),
  staffAction({
    summary: 'Remove personal data the anonymiser missed, everywhere in a text (also from the search index)',
    method: 'POST',
    path: `${REPORT}/redactions`,
    roles: CASEWORK,
    input: redactionSchema,
    run: ({ services, actor, ids }, { field, passage, kind }) =>
      services.cases.redact(actor, ids.id!, field, passage, kind),
    answer: (result) => result,
    page: { back: backToReport, notice: () => 'notices.redacted' },
  }),
  staffAction({
    summary: 'Reply to the reporter (read with the receipt code); acknowledges the report',
    method: 'POST',
    path: `${REPORT}/messages`,
    roles: CASEWORK,
    input: replySchema,
    run: ({ services, actor, ids }, reply) => services.cases.reply(actor, ids.id!, reply),
    answer: () => ({ sent: true }),
    status: 201,
    page: { back: backToReport, notice: () => 'notices.reply_sent' },
  }),
  staffAction({
    summary: 'Translate every text of the report still without its translation, at once (also jobs given up)',
    method: 'POST',
    path: `${REPORT}/translate`,
    roles: CASEWORK,
    run: async ({ services, actor, ids }) => {
      const outcome = await services.cases.translateNow(actor, ids.id!);
      if (outcome.failure) throw new AppError(409, 'errors.translation_failed');
      return outcome;
    },
    answer: (outcome) => outcome,
    page: { back: backToReport, notice: () => 'notices.translated' },
  }),
];
