import type { AssistantDraft } from '../../../shared/assistant-draft';
import { latinDigits } from '../../../shared/digits';
import { EARLIEST_YEAR } from '../../../shared/limits';
import { isoDay } from '../../clock';
import { fold } from '../text/normalise';
import type { Hits } from '../text/phrases';
import { NUMBER_WORDS, type WhenKey } from './lexicon/when';

export type WhenFields = Pick<AssistantDraft, 'whenDate' | 'whenMonth' | 'whenYear'>;

/** A reply to "when did it happen?": a day, a month or a year, or one of the quick replies' choices. */
export type WhenReading = { fields: WhenFields } | { choice: string };

const DAY = 86_400_000;

const numbers = new Map(Object.entries(NUMBER_WORDS).map(([word, n]) => [fold(word), n]));

/** A day as draft fields; never in the future. */
function day(date: Date, today: Date): WhenFields | null {
  const iso = isoDay(date);
  return iso > isoDay(today) ? null : { whenDate: iso, whenMonth: null, whenYear: null };
}

/** A month or a year as draft fields; never in the future, never before the earliest year counted. */
export function monthOrYear(year: number, month: number | null, today: Date): WhenFields | null {
  if (year < EARLIEST_YEAR || (month !== null && (month < 1 || month > 12))) return null;
  const value = month === null ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
  if (value > isoDay(today).slice(0, value.length)) return null;
  return { whenDate: null, whenYear: year, whenMonth: month };
}

/** A date written with digits: 24.12.2025, 2025-12-24, 12/2025, 12.2025, 2025, and "am 3.11." (this year). */
export function datesInDigits(text: string, today: Date): WhenFields | null {
  const s = latinDigits(text);
  const check = (y: number, m?: number, d?: number): WhenFields | null => {
    if (d === undefined) return monthOrYear(y, m ?? null, today);
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (y < EARLIEST_YEAR || Number.isNaN(date.getTime()) || isoDay(date) !== iso) return null;
    return day(date, today);
  };
  let m = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/.exec(s);
  if (m) return check(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(s);
  if (m) return check(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?<!\d)(\d{1,2})[./](\d{4})(?!\d)/.exec(s);
  if (m) return check(Number(m[2]), Number(m[1]));
  // "am 3.11." or "3.11": a day and month of the last twelve months.
  m = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.?(?![\d])/.exec(s);
  if (m) {
    const year = today.getUTCFullYear();
    return check(year, Number(m[2]), Number(m[1])) ?? check(year - 1, Number(m[2]), Number(m[1]));
  }
  m = /(?<!\d)(19\d{2}|20\d{2})(?!\d)/.exec(s);
  if (m) return check(Number(m[1]));
  return null;
}

/** The number written just before a word: "2 Wochen", "zwei Wochen", "a week". */
function countBefore(words: string[], at: number): number | null {
  const previous = words[at - 1] ?? '';
  if (/^\d+$/.test(previous)) return Number(previous);
  return numbers.get(previous) ?? null;
}

/**
 * Reads a reply to "when?" from its words (`hits`, from the when lexicons). Ongoing comes first ("bis
 * heute" is not "today"), then days, weekdays, months, "… ago", and the broad choices.
 */
export function readWhen(
  text: string,
  words: string[],
  hits: Hits<WhenKey>,
  today: Date,
  { datesFirst = false } = {},
): WhenReading | null {
  const has = (key: WhenKey) => hits.has(key);
  const t = today.getTime();
  // In a reply to "when?", "still" means it goes on; in a story ("I am still angry") a day named counts first.
  if (has('ONGOING') && !datesFirst) return { choice: 'ongoing' };
  let digits = datesInDigits(text, today);
  // "im Oktober 2026": the year in digits, the month in words.
  if (digits?.whenYear && digits.whenMonth === null && monthNamed(hits) !== null)
    digits = monthOrYear(digits.whenYear, monthNamed(hits), today) ?? digits;
  if (has('LAST_YEAR')) {
    const month = monthNamed(hits);
    const fields = monthOrYear(today.getUTCFullYear() - 1, month, today);
    if (fields) return { fields };
  }
  if (digits) return { fields: digits };
  if (has('DAY_BEFORE_YESTERDAY')) return fieldsOr(day(new Date(t - 2 * DAY), today));
  if (has('YESTERDAY')) return fieldsOr(day(new Date(t - DAY), today));
  if (has('TODAY')) return fieldsOr(day(today, today));
  const weekday = weekdayNamed(hits);
  if (weekday !== null) {
    // The last such day before today: "letzten Freitag" on a Tuesday is four days ago.
    const back = (today.getUTCDay() - (weekday % 7) + 7) % 7 || 7;
    return fieldsOr(day(new Date(t - back * DAY), today));
  }
  const month = monthNamed(hits);
  if (month !== null) {
    const year = today.getUTCFullYear();
    const fields = monthOrYear(year, month, today) ?? monthOrYear(year - 1, month, today);
    if (fields) return { fields };
  }
  const ago = agoReading(words, hits, today);
  if (ago) return ago;
  if (has('LAST_WEEK')) return monthOf(new Date(t - 7 * DAY), today);
  if (has('LAST_MONTH')) return monthOf(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)), today);
  if (has('THIS_WEEK') || has('THIS_MONTH')) return { choice: 'this_month' };
  if (has('THIS_YEAR')) return { choice: 'this_year' };
  if (has('EARLIER')) return { choice: 'earlier' };
  return has('ONGOING') ? { choice: 'ongoing' } : null;
}

function fieldsOr(fields: WhenFields | null): WhenReading | null {
  return fields ? { fields } : null;
}

function monthOf(date: Date, today: Date): WhenReading | null {
  return fieldsOr(monthOrYear(date.getUTCFullYear(), date.getUTCMonth() + 1, today));
}

function weekdayNamed(hits: Hits<WhenKey>): number | null {
  for (let d = 1; d <= 7; d++) if (hits.has(`WD${d}` as WhenKey)) return d;
  return null;
}

function monthNamed(hits: Hits<WhenKey>): number | null {
  for (let m = 12; m >= 1; m--) if (hits.has(`M${m}` as WhenKey)) return m;
  return null;
}

/** "vor 2 Wochen", "a few days ago", "iki hafta önce", "من اسبوعين", "dwa miesiące temu". */
function agoReading(words: string[], hits: Hits<WhenKey>, today: Date): WhenReading | null {
  const t = today.getTime();
  if (hits.has('TWO_WEEKS')) return monthOf(new Date(t - 14 * DAY), today);
  if (hits.has('TWO_MONTHS'))
    return monthOf(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1)), today);
  if (!hits.has('AGO') && !hits.has('FEW')) return null;
  const few = hits.has('FEW');
  const count = (unit: WhenKey) => {
    const at = hits.get(unit)?.[0];
    return at === undefined ? null : countBefore(words, at);
  };
  if (hits.has('DAYS')) {
    const n = count('DAYS');
    // "A few days ago" is this month, as the quick reply says; a number of days is a day.
    if (n === null || few) return { choice: 'this_month' };
    return n <= 6 ? fieldsOr(day(new Date(t - n * DAY), today)) : monthOf(new Date(t - n * DAY), today);
  }
  if (hits.has('WEEKS')) return monthOf(new Date(t - 7 * (count('WEEKS') ?? 2) * DAY), today);
  if (hits.has('MONTHS')) {
    const n = count('MONTHS') ?? 2;
    return monthOf(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - n, 1)), today);
  }
  if (hits.has('YEARS')) {
    const n = count('YEARS');
    if (n === null || few || n > 3) return { choice: 'earlier' };
    return fieldsOr(monthOrYear(today.getUTCFullYear() - n, null, today));
  }
  return null;
}
