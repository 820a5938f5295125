import type { StaffMessageKey, StaffTranslate } from '../../../shared/i18n/staff/catalog';
import type { MessageKey } from '../../../shared/i18n/translate';

/** Label of a taxonomy code: the public files hold them (`ground.racism`), the same words reporters chose from. */
export function codeLabel(t: StaffTranslate, dimension: string, code: string): string {
  const prefix = dimension === 'reporter_role' ? 'role' : dimension;
  return t(`${prefix}.${code}` as MessageKey);
}

export function statusLabel(t: StaffTranslate, status: string): string {
  return t(`case_status.${status}` as StaffMessageKey);
}

export interface Place {
  code: string;
  name: string;
}

/** A municipality by the office's name for it, the places beyond by short staff labels. */
export function placeName(t: StaffTranslate, places: Place[], code: string | null, online: boolean | number): string {
  const municipality = code
    ? (places.find((p) => p.code === code)?.name ?? t(`place_short.${code}` as StaffMessageKey))
    : '';
  return [municipality, online ? t('place.online') : ''].filter(Boolean).join(', ') || '–';
}

export function placeOptions(t: StaffTranslate, places: Place[]): [string, string][] {
  return [
    ...places.map((p): [string, string] => [p.code, p.name]),
    ...(['elsewhere_in_region', 'outside_region', 'unknown'] as const).map((c): [string, string] => [
      c,
      t(`place_short.${c}`),
    ]),
  ];
}
