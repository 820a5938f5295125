import { z } from 'zod';
import { apiErrorSchema } from '../../shared/report';
import {
  auditQuerySchema,
  exportQuerySchema,
  loginSchema,
  passwordChangeSchema,
  replySchema,
  type inboxQuerySchema,
} from '../../shared/staff';
import { statsPeriodSchema, statsViewSchema } from '../../shared/stats';
import type { staffReportSchema } from '../../shared/staff-entry';
import { totpConfirmBody } from '../auth/api-routes';
import { officeSettingsSchema } from '../office/settings';
import { evidenceCoverSchema } from '../evidence/staff-routes';
import { apiPathOf, type StaffAction } from './action';

type Operation = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });

const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: schemaOf(schema, 'input') } },
});
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: schemaOf(apiErrorSchema, 'output') } },
});

/** The answers every staff route may give besides its own. */
const STAFF_ERRORS = {
  '401': error('No session, or it expired'),
  '403': error("The account's role may not do this, the CSRF token is missing, or the account must finish its setup"),
};
const BODY_ERRORS = {
  '400': error('Malformed JSON'),
  '415': error('Not JSON'),
  '422': error('Invalid fields; `fields` says which, in the staff language'),
};

/** A query schema as OpenAPI parameters: one per field, as the query string sends them. */
function queryParameters(...schemas: z.ZodType[]) {
  return schemas.flatMap((schema) => {
    const json = schemaOf(schema, 'output') as { properties?: Record<string, object> };
    return Object.entries(json.properties ?? {}).map(([name, property]) => ({
      name,
      in: 'query',
      required: false,
      schema: property,
    }));
  });
}

/** `/api/staff/reports/:id{[0-9]+}` as OpenAPI writes it, with its path parameters. */
function openApiPath(honoPath: string) {
  const params = [...honoPath.matchAll(PATH_PARAMETER)].map((m) => ({ name: m[1]!, pattern: m[2]! }));
  return {
    path: honoPath.replace(PATH_PARAMETER, '{$1}'),
    parameters: params.map(({ name, pattern }) => ({
      name,
      in: 'path',
      required: true,
      // Ids are numbers; a file is named by 32 hexadecimal characters.
      schema: pattern === '[0-9]+' ? { type: 'integer', minimum: 1 } : { type: 'string', pattern: `^${pattern}$` },
    })),
  };
}

/** A Hono path parameter with its pattern, which may hold one level of braces: `:file{[a-f0-9]{32}}`. */
const PATH_PARAMETER = /:(\w+)\{((?:[^{}]|\{[^{}]*\})*)\}/g;

/**
 * The back office's JSON API: every action from its one declaration (its input schema is the request body),
 * and what is read, with the query schemas the routes parse.
 */
export function staffApiPaths({
  actions,
  inboxQuery,
  entrySchema,
}: {
  actions: readonly StaffAction[];
  inboxQuery: ReturnType<typeof inboxQuerySchema>;
  entrySchema: ReturnType<typeof staffReportSchema>;
}) {
  const operations: { method: string; path: string; operation: Operation }[] = [
    {
      method: 'post',
      path: '/api/staff/session',
      operation: {
        summary: 'Sign in: sets the session cookie and answers the CSRF token for every later change',
        security: [],
        requestBody: jsonBody(loginSchema),
        responses: { '200': { description: 'Signed in' }, ...BODY_ERRORS, '429': error('Locked after wrong attempts') },
      },
    },
    { method: 'get', path: '/api/staff/session', operation: { summary: 'The signed-in account and its CSRF token' } },
    { method: 'delete', path: '/api/staff/session', operation: { summary: 'Sign out' } },
    {
      method: 'post',
      path: '/api/staff/password',
      operation: { summary: 'Change one’s own password', requestBody: jsonBody(passwordChangeSchema) },
    },
    { method: 'post', path: '/api/staff/totp', operation: { summary: 'Start enrolling an authenticator app' } },
    {
      method: 'post',
      path: '/api/staff/totp/confirm',
      operation: { summary: 'Confirm the enrolment with a code from the app', requestBody: jsonBody(totpConfirmBody) },
    },
    {
      method: 'get',
      path: '/api/staff/reports',
      operation: {
        summary:
          'The inbox: a page of reports under the filters, with counts per status (a search is counted up to 1 000)',
        parameters: queryParameters(inboxQuery),
      },
    },
    {
      method: 'get',
      path: '/api/staff/reports/export.csv',
      operation: {
        summary: 'The filtered inbox as CSV (audited); the free text only with text=1',
        parameters: queryParameters(inboxQuery, exportQuerySchema),
        responses: { '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } } },
      },
    },
    {
      method: 'get',
      path: '/api/staff/reports/:id{[0-9]+}',
      operation: { summary: 'A report with everything about it (audited)' },
    },
    {
      method: 'post',
      path: '/api/staff/reports/:id{[0-9]+}/messages/preview',
      operation: {
        summary:
          'What the reporter will read of a reply before it is sent, with the translation sealed for sending; nothing is stored',
        requestBody: jsonBody(replySchema),
      },
    },
    {
      method: 'get',
      path: '/api/staff/reports/:id{[0-9]+}/evidence',
      operation: { summary: "The report's files: kind, size, who sent them and when (audited)" },
    },
    {
      method: 'get',
      path: '/api/staff/evidence/:file{[a-f0-9]{32}}',
      operation: {
        summary: 'One cleaned file, pictures inline and PDFs as a download, under a sandboxing CSP (audited)',
      },
    },
    {
      method: 'post',
      path: '/api/staff/evidence/:file{[a-f0-9]{32}}/cover',
      operation: {
        summary: 'Cover areas of a picture with black, kept as a new picture (audited)',
        requestBody: jsonBody(evidenceCoverSchema),
      },
    },
    {
      method: 'delete',
      path: '/api/staff/evidence/:file{[a-f0-9]{32}}',
      operation: { summary: 'Delete a file (audited)' },
    },
    {
      method: 'post',
      path: '/api/staff/reports',
      operation: {
        summary: 'Enter a report received by phone, letter, e-mail or in person (anonymised as the form)',
        requestBody: jsonBody(entrySchema),
        responses: { '201': { description: 'Stored; the receipt code only when the person wants one' } },
      },
    },
    { method: 'get', path: '/api/staff/users', operation: { summary: 'The accounts' } },
    {
      method: 'get',
      path: '/api/staff/audit',
      operation: { summary: 'The audit log, newest first', parameters: queryParameters(auditQuerySchema) },
    },
    {
      method: 'get',
      path: '/api/staff/statistics',
      operation: {
        summary: 'The statistics of a year or a range, suppressed; exact=1 for admins (audited)',
        parameters: queryParameters(statsPeriodSchema, statsViewSchema),
      },
    },
    {
      method: 'get',
      path: '/api/staff/notifications',
      operation: { summary: "One's own notifications: the mode, the address, and whether the office sends at all" },
    },
    {
      method: 'get',
      path: '/api/staff/notifications/queue',
      operation: {
        summary: 'The notices waiting or failed: kind, recipient, attempts, the last error (never content)',
      },
    },
    {
      method: 'get',
      path: '/api/staff/settings/office',
      operation: { summary: "The office's settings as every page uses them now (admins)" },
    },
    {
      method: 'put',
      path: '/api/staff/settings/office',
      operation: {
        summary:
          "Change the office's settings: contacts, emergency numbers, municipalities, quick exit, name and address, retention, threshold (audited)",
        requestBody: jsonBody(officeSettingsSchema),
        responses: { ...BODY_ERRORS },
      },
    },
    {
      method: 'get',
      path: '/api/staff/reports/:id{[0-9]+}/evidence',
      operation: { summary: "A report's files: kind, size, pages, where they came from, when covered" },
    },
    {
      method: 'get',
      path: '/api/staff/evidence/:file{[a-f0-9]{32}}',
      operation: {
        summary: 'One file, cleaned: pictures inline, PDFs as a download, under a sandbox (audited)',
        responses: { '200': { description: 'The file' } },
      },
    },
    {
      method: 'post',
      path: '/api/staff/evidence/:file{[a-f0-9]{32}}/cover',
      operation: { summary: 'Cover an area of a picture: a new picture replaces it, the old one is deleted (audited)' },
    },
    {
      method: 'delete',
      path: '/api/staff/evidence/:file{[a-f0-9]{32}}',
      operation: { summary: 'Delete a file of a report (audited)' },
    },
    ...actions.map((action) => ({
      method: action.method.toLowerCase(),
      path: apiPathOf(action),
      operation: {
        summary: action.summary,
        'x-roles': action.roles,
        ...(action.input ? { requestBody: jsonBody(action.input) } : {}),
        responses: {
          [String(action.status ?? 200)]: { description: action.status === 202 ? 'Queued' : 'Done' },
          ...(action.input ? BODY_ERRORS : {}),
          '404': error('No such report or account'),
          '409': error('The case changed meanwhile, or the change is not possible in its state'),
        },
      },
    })),
  ];

  const paths: Record<string, Record<string, Operation>> = {};
  for (const { method, path, operation } of operations) {
    const { path: openPath, parameters } = openApiPath(path);
    paths[openPath] ??= {};
    paths[openPath]![method] = {
      tags: ['staff'],
      ...operation,
      ...(parameters.length || operation.parameters
        ? { parameters: [...parameters, ...((operation.parameters as object[]) ?? [])] }
        : {}),
      responses: { '200': { description: 'OK' }, ...STAFF_ERRORS, ...((operation.responses as object) ?? {}) },
    };
  }
  return paths;
}

/** How staff requests are authenticated, for the document's components. */
export const staffSecuritySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'meldestelle_staff',
    description: 'Set by POST /api/staff/session; named __Host-meldestelle_staff when the portal runs on https.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The token answered at sign-in; needed for every request that changes something.',
  },
};
