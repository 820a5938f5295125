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
