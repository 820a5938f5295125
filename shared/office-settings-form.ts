import { LOCALES } from './locales';

/**
 * The office's settings as the back office's form carries them: one field per value, named by its path in the
 * settings (`office.counselling.0.description.ar`), so that an error of the schema lands on its own field.
 * Lists of words (aliases, languages) are one field, separated by commas; the region's other places one per
 * line. Each list of rows ends in an empty row to add one; a row can be removed with its checkbox.
 */
export type OfficeSettingsFields = Record<string, string>;

export interface OfficeSettingsFormView {
  fields: OfficeSettingsFields;
  /** How many rows each list shows, the empty one to add included. */
  rows: { municipalities: number; emergency: number; counselling: number };
}

/** What the office's settings look like to the form (a loose shape: the schema checks it). */
interface SettingsShape {
  office: {
    name: Record<string, string>;
    region: string;
    municipalities: { code: string; name: string; aliases?: string[] }[];
    regionPlaces?: string[];
    emergency: { number: string; label: Record<string, string> }[];
    counselling: {
      name: string;
      audience?: Record<string, string> | undefined;
      languages?: string[] | undefined;
      description: Record<string, string>;
      phone?: string | undefined;
      url?: string | undefined;
    }[];
    quickExitUrl: string;
    contact: { address: string; url?: string | undefined };
  };
  retentionMonths: number;
  statsMinCount: number;
}

const LISTS = ['municipalities', 'emergency', 'counselling'] as const;

/** The saved settings as the form's fields. */
export function fieldsOfSettings(settings: SettingsShape): OfficeSettingsFormView {
  const { office } = settings;
  const f: OfficeSettingsFields = {
    'office.region': office.region,
    'office.quickExitUrl': office.quickExitUrl,
    'office.contact.address': office.contact.address,
    'office.contact.url': office.contact.url ?? '',
    'office.regionPlaces': (office.regionPlaces ?? []).join('\n'),
    retentionMonths: String(settings.retentionMonths),
    statsMinCount: String(settings.statsMinCount),
  };
  const texts = (prefix: string, text: Record<string, string> | undefined) => {
    for (const locale of LOCALES) f[`${prefix}.${locale}`] = text?.[locale] ?? '';
  };
  texts('office.name', office.name);
  office.municipalities.forEach((m, i) => {
    f[`office.municipalities.${i}.code`] = m.code;
    f[`office.municipalities.${i}.name`] = m.name;
    f[`office.municipalities.${i}.aliases`] = (m.aliases ?? []).join(', ');
  });
  office.emergency.forEach((e, i) => {
    f[`office.emergency.${i}.number`] = e.number;
    texts(`office.emergency.${i}.label`, e.label);
  });
  office.counselling.forEach((c, i) => {
    const p = `office.counselling.${i}`;
    f[`${p}.name`] = c.name;
    f[`${p}.phone`] = c.phone ?? '';
    f[`${p}.url`] = c.url ?? '';
    f[`${p}.languages`] = (c.languages ?? []).join(', ');
    texts(`${p}.audience`, c.audience);
    texts(`${p}.description`, c.description);
  });
  return withRows(f);
}

/** The rows each list shows: as many as the fields have, and one empty row more. */
export function withRows(fields: OfficeSettingsFields): OfficeSettingsFormView {
  const count = (list: string) => {
    let n = 0;
    for (const name of Object.keys(fields)) {
      const m = new RegExp(`^office\\.${list}\\.(\\d+)\\.`).exec(name);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    return n;
  };
  const rows = Object.fromEntries(LISTS.map((l) => [l, count(l) + 1])) as OfficeSettingsFormView['rows'];
  return { fields, rows };
}

export type RowNumbers = Record<(typeof LISTS)[number], number[]>;

/**
 * The posted fields as the settings' shape, for the schema: empty texts and rows dropped, removed rows
 * dropped, word lists split. What is not valid stays for the schema to name. `rowNumbers` says which posted
 * row each kept one was, so that an error finds its field again.
 */
export function settingsOfFields(fields: OfficeSettingsFields): { input: unknown; rowNumbers: RowNumbers } {
  const value = (name: string) => (fields[name] ?? '').trim();
  const optional = (name: string) => value(name) || undefined;
  const words = (name: string, separator: RegExp) =>
    value(name)
      .split(separator)
      .map((w) => w.trim())
      .filter(Boolean);
  const texts = (prefix: string) => {
    const entries = LOCALES.map((l) => [l, value(`${prefix}.${l}`)] as const).filter(([, v]) => v);
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  /** The rows of a list that are neither removed nor left empty; their numbers as posted. */
  const rowsOf = (list: string) => {
    const found = new Set<number>();
    for (const name of Object.keys(fields)) {
      const m = new RegExp(`^office\\.${list}\\.(\\d+)\\.(.+)$`).exec(name);
      if (m && m[2] !== 'remove' && value(name)) found.add(Number(m[1]));
    }
    return [...found].sort((a, b) => a - b).filter((i) => !value(`office.${list}.${i}.remove`));
  };
  const rowNumbers: RowNumbers = {
    municipalities: rowsOf('municipalities'),
    emergency: rowsOf('emergency'),
    counselling: rowsOf('counselling'),
  };
  const input = {
    office: {
      name: texts('office.name') ?? {},
      region: value('office.region'),
      municipalities: rowNumbers.municipalities.map((i) => ({
        code: value(`office.municipalities.${i}.code`),
        name: value(`office.municipalities.${i}.name`),
        aliases: words(`office.municipalities.${i}.aliases`, /,/),
      })),
      regionPlaces: words('office.regionPlaces', /\r?\n/),
      emergency: rowNumbers.emergency.map((i) => ({
        number: value(`office.emergency.${i}.number`),
        label: texts(`office.emergency.${i}.label`) ?? {},
      })),
      counselling: rowNumbers.counselling.map((i) => {
        const p = `office.counselling.${i}`;
        const languages = words(`${p}.languages`, /[,\s]+/);
        return {
          name: value(`${p}.name`),
          audience: texts(`${p}.audience`),
          languages: languages.length ? languages : undefined,
          description: texts(`${p}.description`) ?? {},
          phone: optional(`${p}.phone`),
          url: optional(`${p}.url`),
        };
      }),
      quickExitUrl: value('office.quickExitUrl'),
      contact: { address: value('office.contact.address'), url: optional('office.contact.url') },
    },
    retentionMonths: value('retentionMonths'),
    statsMinCount: value('statsMinCount'),
  };
  return { input, rowNumbers };
}

const WORD_LISTS = new Set(['aliases', 'languages', 'regionPlaces']);

/** The form field an error of the schema belongs to (a word of a list: the list's field). */
export function fieldOfPath(path: readonly PropertyKey[], rowNumbers: RowNumbers): string {
  const parts = path.map(String);
  const list = parts[1] as (typeof LISTS)[number];
  if (parts[0] === 'office' && LISTS.includes(list) && parts[2] !== undefined)
    parts[2] = String(rowNumbers[list][Number(parts[2])] ?? parts[2]);
  if (/^\d+$/.test(parts.at(-1) ?? '') && WORD_LISTS.has(parts.at(-2) ?? '')) parts.pop();
  return parts.join('.');
}
