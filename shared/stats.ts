import { z } from 'zod';

/** A report without a code in a dimension: counted as "not stated". */
export const NOT_STATED = '_none';

const invalid = { error: 'errors.invalid_input' } as const;
const blankAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const day = z.preprocess(blankAsUndefined, z.iso.date({ error: 'errors.invalid_date' }).optional());

/** The longest range: a range is compared with the same range a year earlier, so it may span one year at most. */
export const MAX_RANGE_DAYS = 366;

/**
 * Which period the statistics cover: a calendar year, or a range of days of receipt. Without either, the
 * year so far. The year before is always the comparison.
 */
export const statsPeriodSchema = z
  .object({
    year: z.preprocess(
      blankAsUndefined,
      z.coerce.number(invalid).int(invalid).min(2000, invalid).max(2999, invalid).optional(),
    ),
    from: day,
    to: day,
  })
  .refine((p) => !p.year || (!p.from && !p.to), { path: ['year'], message: 'errors.stats_year_or_range' })
  .refine((p) => !p.from === !p.to, { path: ['to'], message: 'errors.stats_range_incomplete' })
  .refine((p) => !p.from || !p.to || (p.from <= p.to && daysBetween(p.from, p.to) < MAX_RANGE_DAYS), {
    path: ['to'],
    message: 'errors.stats_range_invalid',
  });
export type StatsPeriodQuery = z.infer<typeof statsPeriodSchema>;

export const STATS_LANGUAGES = ['de', 'en'] as const;
export const statsLanguageSchema = z.object({
  lang: z.preprocess(blankAsUndefined, z.enum(STATS_LANGUAGES, { error: 'errors.invalid_choice' }).optional()),
});

/** The admin's switch for the public statistics page. */
export const publicStatisticsSwitchSchema = z
  .object({
    enabled: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
      error: 'errors.invalid_choice',
    }),
  })
  .strict();

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/** `exact=1`: the figures without suppression, for admins inside the office. */
export const statsViewSchema = z.object({
  exact: z
    .preprocess(blankAsUndefined, z.enum(['1', 'true'], { error: 'errors.invalid_choice' }).optional())
    .transform((v) => v !== undefined),
});
