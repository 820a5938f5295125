import { z } from 'zod';

/** Text an office writes itself, per locale; German is required and is the fallback. */
const localizedText = z.object({ de: z.string().min(1) }).catchall(z.string().min(1));

/** A language as a BCP 47 tag (`de`, `ar`, `fa`, `sr-Latn`): the page names it in the reader's language. */
const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as "de" or "ar"');

/**
 * A place that helps. A name such as "Hilfetelefon Gewalt gegen Frauen" tells a reader of Arabic nothing, so
 * a contact says whom it serves and in which languages it answers; the page shows both before the description.
 * Both are optional for offices whose file predates them; the suite holds the shipped offices to them.
 */
const counsellingContact = z.object({
  name: z.string().min(1),
  /** Whom the service is for, in the office's words, one sentence per locale. */
  audience: localizedText.optional(),
  /** Every language the service answers in, the one it usually speaks first. */
  languages: z.array(languageTag).min(1).optional(),
  description: localizedText,
  phone: z.string().optional(),
  url: z.url().optional(),
});

/** Everything office-specific, so that another office can run its own instance from a file. */
export const officeSchema = z.object({
  name: localizedText,
  region: z.string().min(1),
  municipalities: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z][a-z0-9_]*$/),
        name: z.string().min(1),
        /**
         * Other names people use for it: its districts, and spellings the matcher could not guess from the
         * name's sound. The assistant understands a typed town by these (in any script).
         */
        aliases: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1),
  /** Places in the region that are none of the office's municipalities (answered as "elsewhere in the region"). */
  regionPlaces: z.array(z.string().min(1)).default([]),
  emergency: z.array(z.object({ number: z.string().min(1), label: localizedText })).min(1),
  counselling: z.array(counsellingContact),
  /** Where the quick-exit button leads: a harmless page, opened without a referrer. */
  quickExitUrl: z.url(),
  contact: z.object({ address: z.string().min(1), url: z.url().optional() }),
});
export type Office = z.infer<typeof officeSchema>;
export type CounsellingContact = z.infer<typeof counsellingContact>;
export type LocalizedText = z.infer<typeof localizedText>;
