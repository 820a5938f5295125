import { OTHER_PLACES } from '../../shared/taxonomy';
import type { MessageKey } from '../../shared/i18n/translate';
import type { PageContextValue } from './page-context';

export type FieldLabel = (field: string) => string;

/** The office's municipalities, then the places beyond them. */
export function placeOptions({ t, office }: PageContextValue) {
  return [
    ...office.municipalities.map((m) => ({ value: m.code, label: m.name })),
    ...OTHER_PLACES.map((p) => ({ value: p, label: t(`place.${p}` as MessageKey, { region: office.region }) })),
  ];
}

export function placeLabel(page: PageContextValue, code: string): string {
  return placeOptions(page).find((o) => o.value === code)?.label ?? code;
}

/** The form's steps with JavaScript, in order; each is a history entry (`#step-what` …). */
export const STEPS = ['what', 'when', 'where', 'why', 'role', 'after'] as const;
export type Step = (typeof STEPS)[number];

/** Which step holds a field: the stepper opens on the first step with an error, "change" on its question. */
export const STEP_OF_FIELD: Record<string, Step> = {
  description: 'what',
  incidentForms: 'what',
  evidence: 'what',
  whenDate: 'when',
  whenMonth: 'when',
  whenYear: 'when',
  ongoing: 'when',
  municipality: 'where',
  online: 'where',
  lifeDomain: 'where',
  grounds: 'why',
  racismForms: 'why',
  reporterRole: 'role',
  witnesses: 'after',
  consequences: 'after',
  supportWanted: 'after',
  contactEmail: 'after',
  contactPhone: 'after',
  contactLanguage: 'after',
};

/**
 * The element around a field's question (`#q-when` holds date, month, year and "ongoing"): where "change" on
 * the review screen leads, also without JavaScript, where it is a plain fragment.
 */
export function questionIdOf(field: string): string {
  if (field.startsWith('when') || field === 'ongoing') return 'q-when';
  if (field === 'online') return 'q-municipality';
  if (field.startsWith('contact')) return 'q-contact';
  return `q-${field}`;
}

export function fieldLabel(t: PageContextValue['t'], field: string): string {
  const keys: Record<string, MessageKey> = {
    description: 'form.description.label',
    incidentForms: 'review.incident_forms',
    whenDate: 'review.when',
    whenMonth: 'review.when',
    whenYear: 'review.when',
    municipality: 'review.place',
    lifeDomain: 'review.life_domain',
    grounds: 'review.grounds',
    racismForms: 'review.racism_forms',
    reporterRole: 'review.role',
    witnesses: 'review.witnesses',
    consequences: 'review.consequences',
    supportWanted: 'review.support',
    contactEmail: 'form.contact.email',
    contactPhone: 'form.contact.phone',
    contactLanguage: 'form.contact.language',
    consent: 'review.consent_title',
  };
  return keys[field] ? t(keys[field]) : field;
}
