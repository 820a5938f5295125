import type { Locale } from '../../shared/locales';
import { mergeCandidates } from './merge';
import { normaliseForRecognizers } from './normalise';
import { findPlaceholders, placeholderFor } from './placeholders';
import { RECOGNIZERS } from './recognizers';
import type { Anonymised, Candidate, Entity } from './types';

export type { Anonymised, Entity, EntityType } from './types';
export { ORGANISATION_KINDS, type OrganisationKind } from './organisations';
export { findPlaceholders, placeholderFor } from './placeholders';

/** All entities found in `text`, sorted and non-overlapping; placeholders already present are left alone. */
export function detect(text: string, locale: Locale): Entity[] {
  // Recognizers read digits of every script as ASCII digits; offsets stay those of `text`.
  const input = { text: normaliseForRecognizers(text), locale };
  const candidates: Candidate[] = [];
  for (const recognize of RECOGNIZERS) candidates.push(...recognize(input));
  return mergeCandidates(candidates, findPlaceholders(text, locale));
}

/**
 * Replace personal data in free text by typed placeholders in the reporter's language. Pure and
 * synchronous, so it runs the same on Node, in Workers and in the browser preview.
 */
export function anonymise(text: string, locale: Locale): Anonymised {
  const entities = detect(text, locale);
  let out = '';
  let cursor = 0;
  for (const e of entities) {
    out += text.slice(cursor, e.start) + placeholderFor(e.type, locale, e.kind);
    cursor = e.end;
  }
  out += text.slice(cursor);
  return { text: out, entities };
}
