import type { Candidate, ScanInput } from '../types';
import { allMatches } from '../scan';

/**
 * Dates of birth: a date after a birth word of any portal language, with at most a few words between
 * ("Geburtsdatum meiner Tochter:", "تاريخ تولد مادرم:"), or before a birth verb ("am 7. Juli 1985
 * geboren"). Other dates (the incident, appointments) stay: they are what caseworkers count and
 * identify nobody. Digits of every script arrive here as ASCII (see normalise.ts).
 */
const BIRTH_WORDS = [
  // de, de-LS
  'geboren(?:\\s+(?:am|im|in))?',
  'geb\\.(?:\\s*am)?',
  'geb\\.-datum',
  'geburtsdatum',
  'geburts-datum',
  'geburtstag',
  'geburts-tag',
  'geburtsjahr',
  'jahrgang',
  // "* 12.03.1980", "(*1985)": the genealogical star for "born".
  '(?<=^|[\\s(])\\*',
  // en
  'date of birth',
  'birth date',
  'birthdate',
  'birthday',
  'd\\.o\\.b\\.?',
  'dob',
  'born(?:\\s+(?:on|in))?',
  // tr
  'doğum tarihi\\p{L}*',
  'doğum günü\\p{L}*',
  'doğum yılı\\p{L}*',
  'doğumlu',
  'doğdum',
  'doğdu',
  // ar
  'تاريخ الميلاد',
  'تاريخ ميلاد\\p{L}*',
  'من مواليد',
  'مواليد',
  'ولدت(?:\\s+في)?',
  'ولد(?:\\s+في)?',
  'مولود(?:ة)?',
  // fa
  'تاریخ تولد',
  'متولد',
  'زاده(?:\\s+ی)?',
  // ru
  'дата рождения',
  'день рождения',
  'родил(?:ся|ась)',
  'г\\.\\s?р\\.',
  // uk
  'дата народження',
  'народил(?:ся|ася|ась)',
  'народив(?:ся)?',
  // pl
  'data urodzenia',
  'ur\\.',
  'urodzon[ya]',
  'urodził(?:em|am)?(?:\\s+się)?',
  'urodziła(?:m)?(?:\\s+się)?',
  'rocznik',
  // fr
  'date de naissance',
  'née?(?:\\s+le)?',
];
const BIRTH_WORD = `(?<![\\p{L}])(?:${BIRTH_WORDS.join('|')})(?![\\p{L}])`;
const MONTH_WORDS = [
  // de, en
  'jan(?:uar|uary)?',
  'feb(?:ruar|ruary)?',
  'märz|maerz|march|mar',
  'apr(?:il)?',
  'mai|may',
  'jun[ie]?',
  'jul[iy]?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'okt(?:ober)?|oct(?:ober)?',
  'nov(?:ember)?',
  'dez(?:ember)?|dec(?:ember)?',
  // fr
  'janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre',
  // tr
  'ocak|şubat|subat|mart|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|ekim|kasım|kasim|aralık|aralik',
  // pl (nominative and genitive)
  'stycz(?:eń|nia)|lut(?:y|ego)|marz(?:ec|ca)|kwie(?:cień|tnia)|maj(?:a)?|czerw(?:iec|ca)|lip(?:iec|ca)|sierp(?:ień|nia)|wrze(?:sień|śnia)|październik(?:a)?|listopad(?:a)?|grud(?:zień|nia)',
  // ru (nominative and genitive)
  'январ[ья]|феврал[ья]|март(?:а)?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август(?:а)?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]',
  // uk (nominative and genitive)
  'січ(?:ень|ня)|лют(?:ий|ого)|берез(?:ень|ня)|квіт(?:ень|ня)|трав(?:ень|ня)|черв(?:ень|ня)|лип(?:ень|ня)|серп(?:ень|ня)|верес(?:ень|ня)|жовт(?:ень|ня)|листопад(?:а)?|груд(?:ень|ня)',
  // ar: Levantine and Egyptian names
  'كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين الأول|تشرين الاول|تشرين الثاني|كانون الأول|كانون الاول',
  'يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر',
  // fa: solar and Gregorian months
  'فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند',
  'ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر',
];
const MONTH = `(?:${MONTH_WORDS.join('|')})\\.?`;
/** Words after a year: "года", "року", "r.", "yılında", "г.". */
const YEAR_SUFFIX = '(?:\\s*(?:года|году|г\\.|року|р\\.|roku|r\\.|yılında|yılı))?';
const DATE = [
  '\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})',
  '\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}',
  `\\d{1,2}\\.?\\s+${MONTH}\\s+\\d{4}${YEAR_SUFFIX}`,
  `${MONTH}\\s+\\d{1,2},?\\s+\\d{4}`,
  `${MONTH}\\s+\\d{4}`,
  '(?:1[3-9]|20)\\d{2}',
].join('|');
/** A date right after the birth word, or after at most three short words ("of my son", "meiner Tochter", "مادرم"). */
const DOB_RE = new RegExp(
  `${BIRTH_WORD}[\\s:(),–-]{0,4}(?:[\\p{L}\\u200c]{1,12}[\\s:(),]{1,3}){0,3}(${DATE})(?![\\p{N}])`,
  'giu',
);
const BIRTH_VERBS =
  '(?:geboren|born|doğdum|doğdu|doğumlu\\p{L}*|родил(?:ся|ась)|года рождения|г\\.\\s?р\\.|народил(?:ся|ася|ась)|року народження|urodzon[ya]|urodził\\p{L}*|به دنیا آمد\\p{L}*|ولدت)';
/** Words after which a year alone is the year of birth: "1985 doğumluyum", "1979 года рождения". */
const YEAR_BEFORE_OK_RE = /\s(?:doğumlu|года рождения|г\.\s?р\.|року народження)/iu;
/** "am 7. Juli 1985 geboren", "1990 doğdum": the date before the verb. */
const BEFORE_RE = new RegExp(`(${DATE})(?:\\s+(?:in\\s+\\p{L}+|w\\s+\\p{L}+))?\\s+${BIRTH_VERBS}`, 'giu');
const HAS_BIRTH_WORD_RE = new RegExp(BIRTH_WORD, 'iu');
const HAS_BIRTH_VERB_RE = new RegExp(BIRTH_VERBS, 'iu');
const YEAR_ONLY_RE = /^(?:1[3-9]|20)\d{2}$/;

export function recognizeDateOfBirth({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  // Every date holds a digit.
  if (!/\d/.test(text)) return out;
  if (HAS_BIRTH_WORD_RE.test(text)) {
    for (const m of allMatches(DOB_RE, text)) {
      const date = m[1]!;
      const start = m.index + m[0].length - date.length;
      // A year alone narrows a person down in a small town, so it goes too.
      out.push({ type: 'date_of_birth', start, end: start + date.length, score: 0.9 });
    }
  }
  if (!HAS_BIRTH_VERB_RE.test(text)) return out;
  for (const m of allMatches(BEFORE_RE, text)) {
    const date = m[1]!;
    if (YEAR_ONLY_RE.test(date) && !YEAR_BEFORE_OK_RE.test(m[0])) continue;
    out.push({ type: 'date_of_birth', start: m.index, end: m.index + date.length, score: 0.9 });
  }
  return out;
}
