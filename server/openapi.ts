import { emptyDraft } from '../shared/assistant-draft';
import { z } from 'zod';
import { assistantTurnSchema } from '../shared/assistant';
import {
  apiErrorSchema,
  receiptLookupSchema,
  receiptMessageSchema,
  receiptStatusSchema,
  receiptWithdrawSchema,
  reportCreatedSchema,
} from '../shared/report';
import type { ReportSubmissionSchema } from './reports/submission';
import { staffSecuritySchemes } from './staff/openapi';

const example = {
  submission: {
    locale: 'de',
    channel: 'form',
    reporterRole: 'affected',
    description:
      'Im Bus 51 nach Alsdorf hat mich ein Mann beschimpft, weil ich ein Kopftuch trage. Der Fahrer hat nichts gesagt.',
    incidentForms: ['insult_harassment'],
    grounds: ['racism', 'religion'],
    racismForms: ['anti_muslim'],
    lifeDomain: 'public_transport',
    place: { municipality: 'alsdorf', online: false },
    when: { precision: 'month', year: 2026, month: 10 },
    ongoing: false,
    witnesses: 'yes',
    consequences: 'Ich fahre seitdem nicht mehr gern Bus.',
    supportWanted: true,
    consent: true,
  },
  receipt: { receipt: '7KQ2-M9XD-4TRB-Z3HE' },
  message: { receipt: '7KQ2-M9XD-4TRB-Z3HE', body: 'Es ist wieder passiert, diesmal am Bahnhof.', locale: 'de' },
  withdraw: { receipt: '7KQ2-M9XD-4TRB-Z3HE', confirm: true },
  turn: {
    locale: 'de',
    mode: 'llm',
    messages: [
      { role: 'assistant', content: 'Bitte erzählen Sie mir in Ihren eigenen Worten, was passiert ist.' },
      { role: 'user', content: 'Im Bus nach Alsdorf hat mich ein Mann beschimpft.' },
    ],
    draft: emptyDraft,
    skipped: [],
    asked: [],
    asking: 'description',
    action: { type: 'say' },
  },
};

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });

const jsonBody = (schema: z.ZodType, ex: unknown) => ({
  required: true,
  content: { 'application/json': { schema: schemaOf(schema, 'input'), example: ex } },
});

const jsonResponse = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema: schemaOf(schema, 'output') } },
});

const errors = {
  '400': jsonResponse('Malformed JSON', apiErrorSchema),
  '413': jsonResponse('Body too large', apiErrorSchema),
  '415': jsonResponse('Not JSON', apiErrorSchema),
  '422': jsonResponse('Invalid fields; `fields` says which, in the request language', apiErrorSchema),
};
/** The proof of work's answer (the widget's payload), for the posts that store what a reporter wrote. */
const proofHeader = {
  name: 'X-Altcha',
  in: 'header',
  required: false,
  description:
    'A solved challenge of GET /api/challenge/{purpose}: base64 JSON `{ challenge, solution }` (ALTCHA). Without ' +
    'one, a client may send a third as much, and a report is marked as not verified. Each answer counts once ' +
    '(a conversation: up to 40 turns).',
  schema: { type: 'string' },
};
const intakeErrors = {
  '403': jsonResponse('Sent from another site (Origin)', apiErrorSchema),
  '429': jsonResponse("This client's hourly allowance is used up; see Retry-After", apiErrorSchema),
};
const receiptErrors = {
  ...errors,
  '404': jsonResponse('No report for this code', apiErrorSchema),
  '429': jsonResponse('Too many wrong codes; see Retry-After', apiErrorSchema),
};

/**
 * The public API and the back office's (`staffPaths`, see server/staff/openapi.ts), generated from the same
 * zod schemas that validate them.
 */
export function openApiDocument(
  submissionSchema: ReportSubmissionSchema,
  serverUrl: string,
  staffPaths: Record<string, Record<string, object>>,
) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Meldestelle API',
      version: '1',
      description:
        'Anonymous reports of racism and discrimination. Messages in errors follow the `locale` field or Accept-Language. ' +
        'Receipt codes are sent in bodies, never in URLs. The back office (tag `staff`) signs in with POST /api/staff/session ' +
        'and sends the CSRF token it answers as X-CSRF-Token with every change; `x-roles` says who may make each change.',
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: 'public', description: 'For reporters: no account, no cookie' },
      { name: 'staff', description: 'The back office: a session and a role' },
    ],
    components: { securitySchemes: staffSecuritySchemes },
    paths: {
      ...staffPaths,
      '/api/reports': {
        post: {
          tags: ['public'],
          security: [],
          summary: 'Submit a report',
          description:
            'Free text is anonymised before it is stored. Returns the receipt code, which is shown once and stored only as a keyed hash.',
          parameters: [proofHeader],
          requestBody: jsonBody(submissionSchema, example.submission),
          responses: { '201': jsonResponse('Stored', reportCreatedSchema), ...errors, ...intakeErrors },
        },
      },
      '/api/receipt': {
        post: {
          tags: ['public'],
          security: [],
          summary: "Read a report's status and the office's messages",
          requestBody: jsonBody(receiptLookupSchema, example.receipt),
          responses: { '200': jsonResponse('The report', receiptStatusSchema), ...receiptErrors },
        },
      },
      '/api/receipt/messages': {
        post: {
          tags: ['public'],
          security: [],
          summary: 'Add information or answer the office',
          parameters: [proofHeader],
          requestBody: jsonBody(receiptMessageSchema, example.message),
          responses: {
            '201': { description: 'Stored (anonymised)' },
            ...intakeErrors,
            ...receiptErrors,
            '409': jsonResponse('The report is closed', apiErrorSchema),
          },
        },
      },
      '/api/assistant/turn': {
        post: {
          tags: ['public'],
          security: [],
          summary: 'One turn of the guided interview, answered as Server-Sent Events',
          description:
            'The server keeps no conversation: the client sends all of it with every turn, and nothing of it is stored or logged. ' +
            'Events, in order: `safety` (at once, when someone may be in danger), `draft` (the updated draft), `question` ' +
            '(the next topic and its quick replies, or null when complete), `delta` (the reply, streamed) or `message` ' +
            "(the scripted interview's question), then `done` or `error` (`code`, `message` in the request language). " +
            "`mode: scripted` asks the form's questions without a model.",
          parameters: [proofHeader],
          requestBody: jsonBody(assistantTurnSchema, example.turn),
          responses: {
            '200': { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            ...errors,
            ...intakeErrors,
          },
        },
      },
      '/api/challenge/{purpose}': {
        get: {
          summary: 'A proof-of-work challenge (ALTCHA, PBKDF2-SHA-256), to solve before sending',
          description:
            'Deterministic: the counter to find lies around the configured difficulty, so the work is bounded. The answer ' +
            'goes in the X-Altcha header of the post (or the `altcha` field of a form), once, within its `expiresAt`.',
          parameters: [
            {
              name: 'purpose',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: ['report', 'message', 'conversation'] },
            },
          ],
          responses: { '200': { description: 'The challenge: `{ parameters, signature }`' } },
        },
      },
      '/api/receipt/withdraw': {
        post: {
          tags: ['public'],
          security: [],
          summary: 'Withdraw a report: it is deleted with all its messages',
          requestBody: jsonBody(receiptWithdrawSchema, example.withdraw),
          responses: { '200': { description: 'Deleted' }, ...receiptErrors },
        },
      },
    },
  };
}
