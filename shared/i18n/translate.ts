import type de from './messages/de.json';

export type MessageKey = keyof typeof de;
export type Messages = Partial<Record<MessageKey, string>>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * `t('landing.next_2', { office })`. A key missing in the chosen locale falls back along `chain`; a key
 * missing everywhere shows as itself, so a gap is visible rather than silent.
 */
export function createTranslator(chain: readonly Messages[]): Translate {
  return (key, params) => {
    let text: string | undefined;
    for (const messages of chain) {
      text = messages[key];
      if (text !== undefined) break;
    }
    if (text === undefined) return key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Error keys arrive as plain strings from zod and the server; only known keys are translated. */
export function translateKey(t: Translate, key: string): string {
  return t(key as MessageKey);
}
