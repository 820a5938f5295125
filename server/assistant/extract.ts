import { submissionFields } from '../../shared/report';
import { z } from 'zod';
import { TOPICS, formValuesFromDraft, type AssistantDraft, type Topic } from '../../shared/assistant-draft';
import { assistantDraftSchema, extractionSchema, type Extraction } from '../../shared/assistant';
import type { Locale } from '../../shared/locales';
import { submissionInputFromForm } from '../../shared/report-form';
import { GROUNDS, INCIDENT_FORMS, LIFE_DOMAINS, OTHER_PLACES, RACISM_FORMS } from '../../shared/taxonomy';
import { isoDay } from '../clock';
import type { Office } from '../office/schema';
import { whenValue } from '../reports/service';
import { LlmError, type ChatMessage, type LlmClient } from './llm';
import { renderPrompt, type PromptStore } from './prompts';

export interface ExtractionDeps {
  llm: LlmClient;
  prompts: PromptStore;
  office: Office;
}

export interface ExtractionResult {
  draft: AssistantDraft;
  declined: Topic[];
  danger: Extraction['danger'];
  /** False when both answers were unusable and the previous draft was kept. */
  updated: boolean;
}

/**
 * Asks the model to turn the conversation into the report draft, checks the answer against the same schema
 * as a submitted report, retries once with the reasons if it does not fit, and otherwise keeps the previous
 * draft. The model cannot erase what was gathered: an empty value in its answer keeps the earlier one.
 */
export function createExtractor({ llm, prompts, office }: ExtractionDeps) {
  const places = [...office.municipalities.map((m) => m.code), ...OTHER_PLACES] as unknown as [string, ...string[]];
  const schema = extractionSchema(places);
  const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
  const draftCheck = submissionFields(places).omit({ consent: true, description: true });

  return async function extract(
    input: { messages: { role: 'user' | 'assistant'; content: string }[]; draft: AssistantDraft; locale: Locale },
    today: Date,
    signal?: AbortSignal,
  ): Promise<ExtractionResult> {
    const system = renderPrompt(prompts.extract, {
      today: isoDay(today),
      places: office.municipalities
        .map((m) => `${m.code} (${m.name})`)
        .concat(OTHER_PLACES)
        .join(', '),
      life_domains: LIFE_DOMAINS.join(', '),
      incident_forms: INCIDENT_FORMS.join(', '),
      grounds: GROUNDS.join(', '),
      racism_forms: RACISM_FORMS.join(', '),
      topics: TOPICS.join(', '),
      // Servers without JSON-schema output get the schema as text; the others get it as response_format.
      schema:
        llm.settings.structuredOutput === 'json_object'
          ? `\nThe JSON schema of your answer:\n${JSON.stringify(jsonSchema)}`
          : '',
    });
    // The conversation goes in as a JSON document in a user message: data to read, not a chat to continue.
    const document = JSON.stringify({
      previous_draft: input.draft,
      conversation: input.messages.map((m) => ({ [m.role === 'user' ? 'reporter' : 'assistant']: m.content })),
    });
    const messages: ChatMessage[] = [
      { role: 'system', content: system },
      { role: 'user', content: document },
    ];

    for (let attempt = 0; attempt < 2; attempt++) {
      let answer: unknown;
      try {
        answer = await llm.completeJson(messages, { name: 'report_draft', schema: jsonSchema }, { signal });
      } catch (error) {
        if (error instanceof LlmError && (error.failure === 'malformed' || error.failure === 'refused')) {
          messages.push({ role: 'user', content: 'That was not a JSON object matching the schema. Answer again.' });
          continue;
        }
        throw error;
      }
      const checked = check(answer, input.draft, input.locale, today);
      if (checked.ok) return { ...checked.value, updated: true };
      messages.push(
        { role: 'assistant', content: JSON.stringify(answer) },
        {
          role: 'user',
          content: `These fields do not match the schema or are not valid: ${checked.fields.join(', ')}. Answer again with the whole corrected JSON object.`,
        },
      );
    }
    return { draft: input.draft, declined: [], danger: 'none', updated: false };
  };

  function check(
    answer: unknown,
    previous: AssistantDraft,
    locale: Locale,
    today: Date,
  ): { ok: true; value: Omit<ExtractionResult, 'updated'> } | { ok: false; fields: string[] } {
    const parsed = schema.safeParse(answer);
    if (!parsed.success) return { ok: false, fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] };
    const { declined, danger, ...extracted } = parsed.data;
    const draft = mergeDraft(previous, extracted as AssistantDraft);
    const shape = assistantDraftSchema.safeParse(draft);
    if (!shape.success) return { ok: false, fields: [...new Set(shape.error.issues.map((i) => String(i.path[0])))] };
    // The description is checked by the draft's own schema: it may still be empty early in the conversation.
    const { description: _, ...rest } = submissionInputFromForm(formValuesFromDraft(draft), { locale });
    const submission = draftCheck.safeParse(rest);
    if (!submission.success)
      return { ok: false, fields: [...new Set(submission.error.issues.map((i) => String(i.path[0])))] };
    const when = whenValue(submission.data.when);
    if (when && when > isoDay(today).slice(0, when.length)) return { ok: false, fields: ['whenDate', 'whenYear'] };
    return { ok: true, value: { draft, declined, danger } };
  }
}
export type Extractor = ReturnType<typeof createExtractor>;

/** The model's answer over the previous draft: what it left empty keeps the earlier value. */
export function mergeDraft(previous: AssistantDraft, next: AssistantDraft): AssistantDraft {
  const merged = { ...previous };
  for (const key of Object.keys(previous) as (keyof AssistantDraft)[]) {
    const value = next[key];
    const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (!empty) (merged as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  // A day replaces a month or year given before, and the other way round: one precision at a time.
  if (next.whenDate) Object.assign(merged, { whenMonth: null, whenYear: null });
  else if (next.whenYear !== null) Object.assign(merged, { whenDate: null, whenMonth: next.whenMonth });
  return merged;
}
