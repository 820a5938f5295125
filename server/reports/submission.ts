import type { Office } from '../office/schema';
import { reportDraftSchema, reportSubmissionSchema } from '../../shared/report';
import { OTHER_PLACES } from '../../shared/taxonomy';

/** The submission schema for this office: its municipalities and the places beyond them. */
export function submissionSchemaFor(office: Office) {
  const places = [...office.municipalities.map((m) => m.code), ...OTHER_PLACES] as unknown as [string, ...string[]];
  return reportSubmissionSchema(places);
}

/** The same without consent, for the review step. */
export function draftSchemaFor(office: Office) {
  const places = [...office.municipalities.map((m) => m.code), ...OTHER_PLACES] as unknown as [string, ...string[]];
  return reportDraftSchema(places);
}
export type ReportSubmissionSchema = ReturnType<typeof submissionSchemaFor>;
export type ReportDraftSchema = ReturnType<typeof draftSchemaFor>;
