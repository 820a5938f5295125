import { z } from 'zod';

/** Text an office writes itself, per locale; German is required and is the fallback. */
const localizedText = z.object({ de: z.string().min(1) }).catchall(z.string().min(1));

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
  counselling: z.array(
    z.object({
      name: z.string().min(1),
      description: localizedText,
      phone: z.string().optional(),
      url: z.url().optional(),
    }),
  ),
  /** Where the quick-exit button leads: a harmless page, opened without a referrer. */
  quickExitUrl: z.url(),
  contact: z.object({ address: z.string().min(1), url: z.url().optional() }),
});
export type Office = z.infer<typeof officeSchema>;
export type LocalizedText = z.infer<typeof localizedText>;
