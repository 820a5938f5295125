import type de from './messages/de.json';

export type MessageKey = keyof typeof de;

/**
 * A message that holds a count, in the forms its language needs for numbers (`Intl.PluralRules`): German and
 * English `one` and `other`; Polish, Russian, Ukrainian `one`, `few`, `many`, `other`; Arabic all six. The
 * form is chosen by the `count` parameter.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type MessageText = string | PluralForms;
export type Messages = Partial<Record<MessageKey, MessageText>>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Plural rules by language tag; Leichte Sprache counts as German does. */
const pluralRules = new Map<string, Intl.PluralRules>();
export function pluralRulesOf(locale: string): Intl.PluralRules {
  const tag = locale === 'de-LS' ? 'de' : locale;
  let rules = pluralRules.get(tag);
  if (!rules) {
    rules = new Intl.PluralRules(tag);
    pluralRules.set(tag, rules);
  }
  return rules;
}

/**
 * `t('landing.next_2', { office })`, `t('inbox.found', { count })`. A key missing in the chosen locale falls
 * back along `chain` (each set with its own language, whose plural rules pick its forms); a key missing
 * everywhere shows as itself, so a gap is visible rather than silent.
 */
export function createTranslator(chain: readonly { locale: string; messages: Messages }[]): Translate {
  return (key, params) => {
    let text: string | undefined;
    for (const { locale, messages } of chain) {
      const found = messages[key];
      if (found === undefined) continue;
      text = typeof found === 'string' ? found : pluralForm(found, locale, params?.count);
      break;
    }
    if (text === undefined) return key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

function pluralForm(forms: PluralForms, locale: string, count: string | number | undefined): string {
  if (typeof count !== 'number') return forms.other;
  return forms[pluralRulesOf(locale).select(count)] ?? forms.other;
}

/** Error keys arrive as plain strings from zod and the server; only known keys are translated. */
export function translateKey(t: Translate, key: string): string {
  return t(key as MessageKey);
}
