import type { Locale } from '../../shared/locales';
import { ORGANISATION_LABELS, type OrganisationKind } from './organisations';
import type { Entity, EntityType } from './types';
import { allMatches } from './scan';

/**
 * The words that replace personal data, per locale. Reporters read them on the review screen,
 * so they are plain words of the reporter's language; de-LS uses short, simple German.
 */
export const PLACEHOLDER_LABELS: Record<Locale, Record<Exclude<EntityType, 'organisation'>, string>> = {
  de: {
    name: 'Name',
    email: 'E-Mail',
    phone: 'Telefon',
    iban: 'IBAN',
    account: 'Kontonummer',
    url: 'Link',
    handle: 'Benutzername',
    licence_plate: 'Kennzeichen',
    address: 'Adresse',
    postcode: 'PLZ',
    date_of_birth: 'Geburtsdatum',
    id_number: 'Ausweisnummer',
    tax_id: 'Steuer-ID',
    insurance_number: 'Versicherungsnummer',
  },
  'de-LS': {
    name: 'Name',
    email: 'E-Mail',
    phone: 'Telefon-Nummer',
    iban: 'Bank-Konto',
    account: 'Konto-Nummer',
    url: 'Internet-Adresse',
    handle: 'Benutzer-Name',
    licence_plate: 'Auto-Nummer',
    address: 'Adresse',
    postcode: 'Post-Leitzahl',
    date_of_birth: 'Geburts-Tag',
    id_number: 'Ausweis-Nummer',
    tax_id: 'Steuer-Nummer',
    insurance_number: 'Versicherungs-Nummer',
  },
  en: {
    name: 'name',
    email: 'email',
    phone: 'phone',
    iban: 'IBAN',
    account: 'account number',
    url: 'link',
    handle: 'username',
    licence_plate: 'licence plate',
    address: 'address',
    postcode: 'postcode',
    date_of_birth: 'date of birth',
    id_number: 'ID number',
    tax_id: 'tax ID',
    insurance_number: 'insurance number',
  },
  tr: {
    name: 'isim',
    email: 'e-posta',
    phone: 'telefon',
    iban: 'IBAN',
    account: 'hesap numarası',
    url: 'bağlantı',
    handle: 'kullanıcı adı',
    licence_plate: 'plaka',
    address: 'adres',
    postcode: 'posta kodu',
    date_of_birth: 'doğum tarihi',
    id_number: 'kimlik numarası',
    tax_id: 'vergi numarası',
    insurance_number: 'sigorta numarası',
  },
  ar: {
    name: 'اسم',
    email: 'بريد إلكتروني',
    phone: 'هاتف',
    iban: 'آيبان',
    account: 'رقم حساب',
    url: 'رابط',
    handle: 'اسم مستخدم',
    licence_plate: 'لوحة سيارة',
    address: 'عنوان',
    postcode: 'رمز بريدي',
    date_of_birth: 'تاريخ الميلاد',
    id_number: 'رقم هوية',
    tax_id: 'رقم ضريبي',
    insurance_number: 'رقم تأمين',
  },
  ru: {
    name: 'имя',
    email: 'эл. почта',
    phone: 'телефон',
    iban: 'IBAN',
    account: 'номер счёта',
    url: 'ссылка',
    handle: 'аккаунт',
    licence_plate: 'номер машины',
    address: 'адрес',
    postcode: 'индекс',
    date_of_birth: 'дата рождения',
    id_number: 'номер документа',
    tax_id: 'налоговый номер',
    insurance_number: 'номер страховки',
  },
  uk: {
    name: 'імʼя',
    email: 'ел. пошта',
    phone: 'телефон',
    iban: 'IBAN',
    account: 'номер рахунку',
    url: 'посилання',
    handle: 'акаунт',
    licence_plate: 'номер авто',
    address: 'адреса',
    postcode: 'індекс',
    date_of_birth: 'дата народження',
    id_number: 'номер документа',
    tax_id: 'податковий номер',
    insurance_number: 'номер страхування',
  },
  fa: {
    name: 'نام',
    email: 'ایمیل',
    phone: 'تلفن',
    iban: 'شماره شبا',
    account: 'شماره حساب',
    url: 'لینک',
    handle: 'نام کاربری',
    licence_plate: 'پلاک خودرو',
    address: 'نشانی',
    postcode: 'کد پستی',
    date_of_birth: 'تاریخ تولد',
    id_number: 'شماره مدرک',
    tax_id: 'شماره مالیاتی',
    insurance_number: 'شماره بیمه',
  },
  pl: {
    name: 'imię',
    email: 'e-mail',
    phone: 'telefon',
    iban: 'IBAN',
    account: 'numer konta',
    url: 'link',
    handle: 'nazwa użytkownika',
    licence_plate: 'tablica rejestracyjna',
    address: 'adres',
    postcode: 'kod pocztowy',
    date_of_birth: 'data urodzenia',
    id_number: 'numer dokumentu',
    tax_id: 'numer podatkowy',
    insurance_number: 'numer ubezpieczenia',
  },
  fr: {
    name: 'nom',
    email: 'e-mail',
    phone: 'téléphone',
    iban: 'IBAN',
    account: 'numéro de compte',
    url: 'lien',
    handle: 'pseudo',
    licence_plate: 'plaque',
    address: 'adresse',
    postcode: 'code postal',
    date_of_birth: 'date de naissance',
    id_number: 'numéro de pièce',
    tax_id: 'numéro fiscal',
    insurance_number: 'numéro d’assurance',
  },
};

/** An organisation's placeholder names its kind ("[Bäckerei]"), or says "organisation" when none is given. */
export function placeholderFor(type: EntityType, locale: Locale, kind?: OrganisationKind): string {
  if (type === 'organisation') return `[${ORGANISATION_LABELS[locale][kind ?? 'organisation']}]`;
  return `[${PLACEHOLDER_LABELS[locale][type]}]`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** label → type over every locale, so a text anonymised in one language stays stable if re-run in another. */
const TYPE_OF_LABEL = new Map<string, EntityType>();
const KIND_OF_LABEL = new Map<string, OrganisationKind>();
for (const table of Object.values(PLACEHOLDER_LABELS)) {
  for (const [type, label] of Object.entries(table) as [EntityType, string][]) {
    if (!TYPE_OF_LABEL.has(label)) TYPE_OF_LABEL.set(label, type);
  }
}
for (const table of Object.values(ORGANISATION_LABELS)) {
  for (const [kind, label] of Object.entries(table) as [OrganisationKind, string][]) {
    if (TYPE_OF_LABEL.has(label)) continue;
    TYPE_OF_LABEL.set(label, 'organisation');
    KIND_OF_LABEL.set(label, kind);
  }
}
const PLACEHOLDER_RE = new RegExp(
  `\\[(${[...TYPE_OF_LABEL.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\]`,
  'g',
);

/**
 * Spans of placeholders in an already-anonymised text. The locale is accepted for the interface's
 * sake; labels of every locale are recognised so that re-anonymising is always idempotent.
 */
export function findPlaceholders(anonymisedText: string, _locale: Locale): Entity[] {
  const found: Entity[] = [];
  if (!anonymisedText.includes('[')) return found;
  for (const m of allMatches(PLACEHOLDER_RE, anonymisedText)) {
    const type = TYPE_OF_LABEL.get(m[1]!);
    if (!type) continue;
    const kind = KIND_OF_LABEL.get(m[1]!);
    found.push({ type, start: m.index, end: m.index + m[0].length, ...(kind ? { kind } : {}) });
  }
  return found;
}
