import { before } from '../context';
import type { Candidate, ScanInput } from '../types';
import { allMatches, isLetterAt, isSpaceAt, matchesNear, sticky } from '../scan';

/**
 * Street addresses and postcodes. A street counts as an address only with a house number: "auf der
 * Hauptstraße" tells a caseworker where something happened and identifies nobody, "Hauptstraße 12"
 * points at a door. A postcode is removed alone (5 digits); the town after it is a municipality and
 * stays.
 */
const STREET_SUFFIX =
  '(?:straße|strasse|str\\.|str\\b|weg|platz|allee|gasse|gässchen|ring|damm|ufer|chaussee|pfad|steig|graben|wall|promenade|zeile|steinweg|markt|hof|berg|feld|garten|park|twiete|kamp|stieg|bogen|winkel|höhe|hang|heide|aue|bruch|acker|driesch|grund|siedlung|mühle|tal)';
/** "12", "12a", "12 a", "5-7", "5–7", "3/1", and "Nr. 12" as some write it. */
const HOUSE_NUMBER =
  '(?:Nr\\.?\\s?)?(?!(?:19|20)\\d{2}(?!\\d))\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:\\s?[-–/]\\s?\\d{1,4}[a-zA-Z]?)?';
const CAP = '[A-ZÄÖÜ][\\p{L}]*';
/** "Lindenweg 12a", "Theaterstr. 5", "Mustafa-Kemal-Straße 4", "Mustafa Kemal Straße 4", "Von-Coels-Straße 210". */
const SUFFIX_STREET_RE = new RegExp(
  `(?<![\\p{L}])(?:(?:${CAP}-){1,4}(?:Straße|Strasse|Str\\.|Weg|Platz|Allee|Gasse|Ring|Damm)\\s*|${CAP}\\s(?:${CAP}\\s)?(?:Straße|Strasse|Str\\.|Weg|Platz|Allee|Gasse|Ring|Damm)\\s?|(?:${CAP}-){0,4}[A-ZÄÖÜ][\\p{L}]*${STREET_SUFFIX}\\s*)${HOUSE_NUMBER}(?![\\p{L}\\p{N}]|[.,:]\\d)`,
  'gu',
);
/** "Am Lindenhof 3", "An der Schanz 12", "Im Gracht 2", "Auf dem Berg 4", "Markt 4". */
const PREPOSITION_STREET_RE = new RegExp(
  `(?<![\\p{L}])(?:Am|An der|An den|Auf der|Auf dem|Im|In der|In den|Zum|Zur|Hinter der|Unter den|Vor dem|Alter|Alte|Neue|Neuer)\\s${CAP}(?:[-\\s]${CAP})?\\s${HOUSE_NUMBER}(?![\\p{L}\\p{N}]|[.,:]\\d)`,
  'gu',
);
const PLAIN_STREET_RE = new RegExp(
  `(?<![\\p{L}])(?:Markt|Marktplatz|Kirchplatz|Burgplatz)\\s${HOUSE_NUMBER}(?![\\p{L}\\p{N}]|[.,:]\\d)`,
  'gu',
);
/**
 * Anchored scan (see matchesNear): every street match holds a digit, its first one starts the house
 * number and follows a non-digit; before it stand whitespace, then letters, '-' and '.' with at most
 * three single spaces between words ("Hinter der Alten Mühle 3"). Matches start with a capital
 * letter that no letter precedes.
 */
const STREET_ATS = [SUFFIX_STREET_RE, PREPOSITION_STREET_RE, PLAIN_STREET_RE].map(sticky);
/**
 * Streets written in lower case ("wohne in der lindenstraße 4"), as in texts typed on a phone without
 * capitals: only the unmistakable suffixes, with at least three letters before them.
 */
const LOWER_STREET_RE = new RegExp(
  `(?<![\\p{L}])\\p{Ll}[\\p{L}]{2,}?(?:straße|strasse|str\\.|allee|gasse|weg)\\s?${HOUSE_NUMBER}(?![\\p{L}\\p{N}]|[.,:]\\d)`,
  'gu',
);
const LOWER_STREET_AT = sticky(LOWER_STREET_RE);
function lowerStreetCanStart(text: string, p: number): boolean {
  return isLetterAt(text, p) && !(p > 0 && isLetterAt(text, p - 1));
}
/** "Im RE 1", "Im ICE 523": an abbreviation in capitals after a preposition is a train, not a street. */
const CAPITALS_HEAD_RE =
  /^(?:Am|Im|Zum|Zur|An der|An den|Auf der|Auf dem|In der|In den|Hinter der|Unter den|Vor dem)\s[A-ZÄÖÜ]+\s/u;
const FIRST_DIGIT_RE = /(?<!\d)\d/g;
function streetCanStart(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  // A-Z, Ä, Ö, Ü
  if (!((c >= 65 && c <= 90) || c === 0xc4 || c === 0xd6 || c === 0xdc)) return false;
  return !(p > 0 && isLetterAt(text, p - 1));
}
function streetStart(text: string, q: number, floor: number): number {
  let s = q;
  while (s > floor && isSpaceAt(text, s - 1)) s--;
  let spaces = 0;
  while (s > floor) {
    const ch = text[s - 1];
    if (isSpaceAt(text, s - 1)) {
      if (++spaces > 4) break;
    } else if (ch !== '-' && ch !== '.' && !isLetterAt(text, s - 1)) break;
    s--;
  }
  return s;
}

/** Words after "Am"/"Im" that start time phrases, not streets ("Am Montag 5 Leute"). */
const NOT_STREET_HEADS =
  /^(?:Am|Im|Zum|Zur|An der|In der|Auf der|Auf dem)\s(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|Abend|Morgen|Mittag|Anfang|Ende|Tag|Jahr|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Bus|Zug|Bahnhof|Hauptbahnhof|Telefon|Schluss|Ganzen|Moment|Sommer|Winter|Herbst|Frühling|Alter|Stock|Schalter|Gleis|Termin|Arbeitsplatz|Linie|Klasse|Bus|Zug|Wagen|Raum|Zimmer|Platz|Eingang|Ausgang|Tor)\b/u;
/** A number followed by these is an amount or a time, not a house number. */
const UNIT_AFTER_RE =
  /^\s*(?:uhr|euro|€|eur|leute|personen|menschen|männer|frauen|minuten|min|stunden|jahre|jahren|tage|km|m\b|%|cent|mal|kinder|grad|meter)/i;

const POSTCODE_RE = /(?<![\p{L}\p{N}.,:/€$-])(\d{5})(?![\p{N}]|[.,]\d)/gu;
const POSTCODE_CONTEXT_RE =
  /(plz|postleitzahl|postcode|zip|posta kodu|индекс|kod pocztowy|code postal|کد پستی|الرمز البريدي|wohne|wohnt|adresse|address|adres|adresi|адрес|адреса|عنوان|آدرس|nazywam|mieszkam)[^.!?]{0,25}$/;

/** German streets written in Cyrillic or Arabic script ("Кайзерштрассе 12", "كايزرشتراسه 12"). */
const TRANSLITERATED_STREET_RE =
  /(?<![\p{L}])(?:[\p{Script=Cyrillic}-]+(?:штрассе|штрасе|штрас|штр\.|вег|плац|аллее|гассе)|[\p{Script=Arabic}\u200c-]+(?:شتراسه|شتراسة|اشتراسه|شتراسه|فيغ|پلاتس|بلاتس))\s?\d{1,4}(?![\p{N}])/gu;

export function recognizeAddress({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  if (/[\u0400-\u06ff]/.test(text)) {
    for (const m of allMatches(TRANSLITERATED_STREET_RE, text)) {
      out.push({ type: 'address', start: m.index, end: m.index + m[0].length, score: 0.75 });
    }
  }
  for (const re of STREET_ATS) {
    for (const m of matchesNear(re, text, FIRST_DIGIT_RE, streetStart, streetCanStart)) {
      const s = m[0];
      if (NOT_STREET_HEADS.test(s) || CAPITALS_HEAD_RE.test(s)) continue;
      if (UNIT_AFTER_RE.test(text.slice(m.index + s.length, m.index + s.length + 10))) continue;
      out.push({ type: 'address', start: m.index, end: m.index + s.length, score: 0.8 });
    }
  }
  for (const m of matchesNear(LOWER_STREET_AT, text, FIRST_DIGIT_RE, streetStart, lowerStreetCanStart)) {
    const s = m[0];
    if (UNIT_AFTER_RE.test(text.slice(m.index + s.length, m.index + s.length + 10))) continue;
    out.push({ type: 'address', start: m.index, end: m.index + s.length, score: 0.7 });
  }
  return out;
}

export function recognizePostcode({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of allMatches(POSTCODE_RE, text)) {
    const code = m[1]!;
    const n = Number(code);
    if (n < 1001 || n > 99998) continue;
    const rest = text.slice(m.index + 5, m.index + 40);
    if (UNIT_AFTER_RE.test(rest)) continue;
    const townAfter = /^\s+[A-ZÄÖÜ][\p{L}]+/u.test(rest) || /^\s+[\p{Script=Arabic}\p{Script=Cyrillic}]/u.test(rest);
    const ctx = before(text, m.index, 50);
    const context = POSTCODE_CONTEXT_RE.test(ctx) || /\d{1,4}[a-z]?\s*,\s*$/.test(ctx) || /\bin\s+$/.test(ctx);
    if (!townAfter && !context) continue;
    out.push({ type: 'postcode', start: m.index, end: m.index + 5, score: 0.75 });
  }
  return out;
}
