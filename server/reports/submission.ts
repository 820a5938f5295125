import type { Office } from '../office/schema';
import { reportDraftSchema, reportSubmissionSchema } from '../../shared/report';
import { OTHER_PLACES } from '../../shared/taxonomy';

/** Every place code a report can carry for this office: its municipalities and the places beyond them. */
export function placeCodesOf(office: Office): [string, ...string[]] {
  return [...office.municipalities.map((m) => m.code), ...OTHER_PLACES] as unknown as [string, ...string[]];
}

/** The submission schema for this office. */
export function submissionSchemaFor(office: Office) {
  return reportSubmissionSchema(placeCodesOf(office));
}

/** The same without consent, for the review step. */
export function draftSchemaFor(office: Office) {
  return reportDraftSchema(placeCodesOf(office));
}
export type ReportSubmissionSchema = ReturnType<typeof submissionSchemaFor>;
export type ReportDraftSchema = ReturnType<typeof draftSchemaFor>;

/** The form's schemas for an office's settings, made once per settings (the same object while unchanged). */
export function officeSchemas() {
  const made = new WeakMap<Office, { submission: ReportSubmissionSchema; draft: ReportDraftSchema }>();
  return (office: Office) => {
    let schemas = made.get(office);
    if (!schemas) {
      schemas = { submission: submissionSchemaFor(office), draft: draftSchemaFor(office) };
      made.set(office, schemas);
    }
    return schemas;
  };
}
export type OfficeSchemas = ReturnType<typeof officeSchemas>;
