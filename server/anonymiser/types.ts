import type { Locale } from '../../shared/locales';
import type { OrganisationKind } from './organisations';

export type EntityType =
  | 'name'
  | 'email'
  | 'phone'
  | 'iban'
  | 'account'
  | 'url'
  | 'handle'
  | 'licence_plate'
  | 'address'
  | 'postcode'
  | 'date_of_birth'
  | 'id_number'
  | 'tax_id'
  | 'insurance_number'
  | 'organisation';

/** Offsets into the input text in UTF-16 code units; lists of entities are sorted and non-overlapping. */
export interface Entity {
  type: EntityType;
  start: number;
  end: number;
  /** For an organisation: its kind, which the placeholder names ("[Bäckerei]"). */
  kind?: OrganisationKind;
}

export interface Anonymised {
  text: string;
  entities: Entity[];
}

/**
 * A recognizer's proposal. `score` orders overlapping candidates in the merger: validated
 * structures (checksums) beat patterns, which beat gazetteer guesses.
 */
export interface Candidate extends Entity {
  score: number;
}

/** What every recognizer sees: the text, its language, and the spans it must never touch. */
export interface ScanInput {
  text: string;
  locale: Locale;
}

export type Recognizer = (input: ScanInput) => Candidate[];
