import type { Locale } from '../../../shared/locales';
import { inflectName, type Case } from './inflect';
import { familyName, givenName, personName, type Script } from './names';
import { INSTITUTIONS, organisationName, PLACES } from './organisations';
import type { Random } from './random';
import { GERMAN_NOUNS } from '../tagger/common-words';
import { DE, DE_LS } from './templates/de';
import { EN, FR, PL, TR } from './templates/latin';
import { AR, FA, RU, UK } from './templates/other-scripts';
import { PLAIN, QUOTED } from './templates/plain';

/**
 * The labelled training corpus: the hand-written sentences of templates/ with their slots filled by names
 * of many regions in the text's script, organisations, places, public bodies and numbers, one to three
 * sentences a text, some texts written all in lower case as on a phone.
 */
export interface Span {
  type: 'name' | 'organisation';
  start: number;
  end: number;
}
export interface LabelledDoc {
  locale: Locale;
  text: string;
  spans: Span[];
}

interface LanguageSetup {
  templates: readonly string[];
  script: Script;
  titles: readonly string[];
  places: readonly string[];
  caseLang?: 'ru' | 'uk' | 'pl';
  lowerCase: number;
}

const LATIN_PLACES = PLACES;
const SETUP: Record<Locale, LanguageSetup> = {
  de: {
    templates: DE,
    script: 'latin',
    titles: ['Herr', 'Frau', 'Herrn', 'Frau Dr.', 'Herr Dr.', 'Dr.'],
    places: LATIN_PLACES,
    lowerCase: 0.08,
  },
  'de-LS': {
    templates: [...DE_LS, ...DE_LS, ...DE],
    script: 'latin',
    titles: ['Herr', 'Frau'],
    places: LATIN_PLACES,
    lowerCase: 0.02,
  },
  en: {
    templates: EN,
    script: 'latin',
    titles: ['Mr', 'Mr.', 'Mrs', 'Ms', 'Dr', 'Dr.'],
    places: LATIN_PLACES,
    lowerCase: 0.08,
  },
  fr: {
    templates: FR,
    script: 'latin',
    titles: ['M.', 'Mme', 'Monsieur', 'Madame', 'Dr'],
    places: LATIN_PLACES,
    lowerCase: 0.05,
  },
  tr: {
    templates: TR,
    script: 'latin',
    titles: ['Bay', 'Bayan', 'Sayın', 'Dr.'],
    places: LATIN_PLACES,
    lowerCase: 0.1,
  },
  pl: {
    templates: PL,
    script: 'latin',
    titles: ['pan', 'pani', 'Pan', 'Pani'],
    places: LATIN_PLACES,
    caseLang: 'pl',
    lowerCase: 0.05,
  },
  ru: {
    templates: RU,
    script: 'cyrillic',
    titles: ['господин', 'госпожа', 'фрау', 'герр'],
    places: ['Аахене', 'Алсдорфе', 'Эшвайлере', 'Штольберге', 'Вюрзелене', 'Херцогенрате', 'Моншау', ...LATIN_PLACES],
    caseLang: 'ru',
    lowerCase: 0,
  },
  uk: {
    templates: UK,
    script: 'cyrillic',
    titles: ['пан', 'пані', 'фрау', 'пане'],
    places: ['Аахені', 'Альсдорфі', 'Ешвайлері', 'Штольберзі', 'Вюрзелені', 'Герцогенраті', 'Моншау', ...LATIN_PLACES],
    caseLang: 'uk',
    lowerCase: 0,
  },
  ar: {
    templates: AR,
    script: 'arabic',
    titles: ['السيد', 'السيدة', 'فراو', 'هير', 'الدكتور'],
    places: ['آخن', 'ألسدورف', 'إشفايلر', 'شتولبرغ', 'فورسلن', 'هيرتسوغنرات', 'مونشاو', ...LATIN_PLACES],
    lowerCase: 0,
  },
  fa: {
    templates: FA,
    script: 'persian',
    titles: ['آقای', 'خانم', 'فراو', 'دکتر'],
    places: ['آخن', 'آلسدورف', 'اشوایلر', 'اشتولبرگ', 'ورزلن', 'هرتسوگن‌رات', 'مونشاو', ...LATIN_PLACES],
    lowerCase: 0,
  },
};

/** A few words that cannot be read as the end of a sentence, for separating sentences in a text. */
function phone(r: Random): string {
  const n = () => String(Math.floor(r() * 10));
  let s = r() < 0.5 ? '0176 ' : '+49 151 ';
  for (let i = 0; i < 8; i++) s += n();
  return s;
}
function date(r: Random): string {
  return `${1 + Math.floor(r() * 28)}.${1 + Math.floor(r() * 12)}.${2019 + Math.floor(r() * 6)}`;
}

const SLOT_RE = /\{([A-Za-z]+)(?:\.(gen|dat|acc|ins))?\}/g;

function render(
  template: string,
  setup: LanguageSetup,
  r: Random,
  locale: Locale,
  spans: Span[],
  offset: number,
): string {
  let out = '';
  let last = 0;
  SLOT_RE.lastIndex = 0;
  for (let m = SLOT_RE.exec(template); m; m = SLOT_RE.exec(template)) {
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    const slot = m[1]!;
    const grammaticalCase = (m[2] ?? 'nom') as Case;
    const inflect = (name: string) =>
      setup.caseLang && grammaticalCase !== 'nom' ? inflectName(name, grammaticalCase, setup.caseLang) : name;
    const addName = (name: string, type: Span['type'] = 'name') => {
      spans.push({ type, start: offset + out.length, end: offset + out.length + name.length });
      out += name;
    };
    switch (slot) {
      case 'N':
        addName(inflect(personName(setup.script, r, 'any')));
        break;
      case 'NF':
        addName(inflect(personName(setup.script, r, 'full')));
        break;
      case 'G':
        addName(inflect(givenName(setup.script, r)));
        break;
      case 'S':
        addName(inflect(familyName(setup.script, r)));
        break;
      case 'g':
        addName(givenName(setup.script, r).toLowerCase());
        break;
      case 's':
        addName(familyName(setup.script, r).toLowerCase());
        break;
      case 'T': {
        out += `${r.pick(setup.titles)} `;
        addName(r() < 0.7 ? familyName(setup.script, r) : personName(setup.script, r, 'full'));
        break;
      }
      case 'O':
        addName(organisationName(r, r() < 0.25), 'organisation');
        break;
      case 'OP':
        addName(organisationName(r, true), 'organisation');
        break;
      case 'P':
        out += r.pick(setup.places);
        break;
      case 'I':
        out += `${r.pick(INSTITUTIONS)}${r() < 0.3 ? ' ' + r.pick(LATIN_PLACES) : ''}`;
        break;
      case 'PH':
        out += phone(r);
        break;
      case 'DT':
        out += date(r);
        break;
      case 'K':
        out += String(1 + Math.floor(r() * 60));
        break;
      case 'Q':
        out += r.pick(QUOTED);
        break;
      case 'STR': {
        // Streets named after people are places: "Mustafa Kemal Straße", "Konrad-Adenauer-Straße".
        const person = `${givenName('latin', r)}${r() < 0.5 ? ' ' : '-'}${familyName('latin', r)}`;
        out += r() < 0.5 ? `${person} Straße` : `${person.replace(' ', '-')}-Straße`;
        break;
      }
      case 'W':
        out += r() < 0.15 ? `${r.pick(GERMAN_NOUNS)}-${r.pick(GERMAN_NOUNS)}` : r.pick(GERMAN_NOUNS);
        break;
      default:
        throw new Error(`unknown slot {${slot}} in: ${template}`);
    }
  }
  return out + template.slice(last);
}

export function generateDoc(locale: Locale, r: Random): LabelledDoc {
  const setup = SETUP[locale];
  const spans: Span[] = [];
  let text = '';
  const sentences = 1 + Math.floor(r() * 3);
  const plain = PLAIN[locale === 'de-LS' ? 'de' : locale] ?? [];
  for (let i = 0; i < sentences; i++) {
    if (text) text += r() < 0.1 ? '\n' : ' ';
    // A third of the sentences name nobody, as in real reports.
    const template = r() < 0.35 && plain.length ? r.pick(plain) : r.pick(setup.templates);
    text += render(template, setup, r, locale, spans, text.length);
  }
  if (r() < setup.lowerCase) text = lowerKeepingOffsets(text);
  return { locale, text, spans };
}

/** Lower case without changing any offset ("İ" would become two code units). */
function lowerKeepingOffsets(text: string): string {
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

export const CORPUS_LOCALES = Object.keys(SETUP) as Locale[];

/** Every template of every language, for the check that none copies an evaluation text. */
export function allTemplates(): string[] {
  return [...new Set([...Object.values(SETUP).flatMap((s) => s.templates), ...Object.values(PLAIN).flat()])];
}
