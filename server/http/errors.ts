import type { z } from 'zod';

/**
 * The one error type of the app: a status, an i18n key that says what went wrong in the reporter's language,
 * and per-field keys for forms. Whoever shows it translates it; nothing here is user-facing text.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 411 | 413 | 415 | 422 | 429 | 503,
    readonly key: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(key);
  }
}

/** Zod issues to field → i18n key; a message that is not one of ours becomes a generic key by issue kind. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // Contact details are several fields of one object on the form: each error belongs to its own input.
    const depth = issue.path[0] === 'contact' && issue.path.length > 1 ? 2 : 1;
    const field = issue.path.length ? issue.path.slice(0, depth).map(String).join('.') : '_';
    if (fields[field]) continue;
    fields[field] = issue.message.startsWith('errors.') ? issue.message : genericKey(issue.code);
  }
  return fields;
}

function genericKey(code: string): string {
  switch (code) {
    case 'unrecognized_keys':
      return 'errors.unknown_field';
    case 'invalid_value':
      return 'errors.invalid_choice';
    case 'too_big':
      return 'errors.text_too_long';
    default:
      return 'errors.invalid_input';
  }
}

export function validationError(error: z.ZodError): AppError {
  return new AppError(422, 'errors.validation', fieldErrorsOf(error));
}
