import type { FakeRequest, FakeResponder } from './server';

/**
 * A model that obeys the JSON schema it is sent and nothing else: every answer is valid against the schema
 * (types, enums, formats' patterns, bounds), with values drawn at random and edge cases on purpose (empty
 * and longest strings, the bounds of numbers, empty and full lists, null wherever null is allowed, days
 * that match the pattern but do not exist or lie in the future). What real models do when the schema is
 * all they honour: robustness is measured against it, not assumed.
 */

type Schema = {
  type?: string | string[];
  anyOf?: Schema[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
};

/** A small seeded generator, so that a failing run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = ['', ' ', 'x', 'Ünïcödé ✓ 😀', '<b>markup</b> **bold** https://example.org/x', '\u202e\u200f'];
const DAYS = ['2024-02-29', '2026-02-31', '1990-01-01', '2999-12-31', '2026-11-30', '2000-12-01'];

export function valueFor(schema: Schema, random: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  if (schema.anyOf) return valueFor(pick(schema.anyOf), random);
  if (schema.enum) return pick(schema.enum);
  const type = Array.isArray(schema.type) ? pick(schema.type) : schema.type;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return random() < 0.5;
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1000;
      const r = random();
      return r < 0.2 ? min : r < 0.4 ? max : Math.floor(min + random() * (max - min + 1));
    }
    case 'string': {
      if (schema.format === 'date' || schema.pattern?.includes('\\d{4}')) return pick(DAYS);
      const max = schema.maxLength ?? 200;
      const r = random();
      if (r < 0.15) return 'ä'.repeat(max);
      return pick(STRINGS).slice(0, max);
    }
    case 'array': {
      const max = Math.min(schema.maxItems ?? 5, 12);
      const min = schema.minItems ?? 0;
      const r = random();
      const n = r < 0.3 ? min : r < 0.5 ? max : min + Math.floor(random() * (max - min + 1));
      return Array.from({ length: n }, () => valueFor(schema.items ?? {}, random));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) out[key] = valueFor(property, random);
      return out;
    }
    default:
      return null;
  }
}

/** Extraction answers that fill the schema sent with the request, at random but always valid against it. */
export function schemaFaithful(seed = 1): FakeResponder {
  const random = seeded(seed);
  return (request: FakeRequest) => {
    const schema = request.body.response_format?.json_schema?.schema as Schema | undefined;
    return { json: schema ? valueFor(schema, random) : {} };
  };
}

/** Interview replies a model may give: fine, empty, markup and links only, in another language and script. */
export function awkwardReplies(seed = 1): FakeResponder {
  const random = seeded(seed);
  const replies = [
    'Thank you for telling me. When did it happen?',
    '',
    '   ',
    '**Thank you.** Please see [this page](https://example.org/help) or https://example.org.',
    'Спасибо, что рассказали. Когда это произошло? Расскажите, пожалуйста, подробнее.',
    '# Heading\n- item one\n- item two',
  ];
  return () => ({ text: replies[Math.floor(random() * replies.length)]! });
}
