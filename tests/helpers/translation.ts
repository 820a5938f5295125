import { LANGUAGE_NAMES } from '../../server/assistant/interview';
import type { Locale } from '../../shared/locales';
import { startFakeLlm, type FakeLlm } from '../fake-llm/server';
import { glossaryTranslate } from '../fake-libretranslate/glossary';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../fake-libretranslate/server';
import { fakeLlmEnv } from './assistant';
import { freePort } from './process';
import type { TestServer } from './server';

/**
 * A translator for the tests, either kind the portal can use: the fake LibreTranslate server or the fake
 * model, both "translating" with the same glossary. `sent` is every text that reached it; `env(false)` are
 * the portal's settings while it is down, `env(true)` once it is back.
 */
export interface TestTranslator {
  kind: 'libretranslate' | 'model';
  env(up?: boolean): Promise<Record<string, string>>;
  sent(): string[];
  reset(): void;
  close(): Promise<void>;
  libre?: FakeLibreTranslate;
  llm?: FakeLlm;
}

export async function startTestTranslator(kind: TestTranslator['kind']): Promise<TestTranslator> {
  if (kind === 'libretranslate') {
    const libre = await startFakeLibreTranslate();
    return {
      kind,
      libre,
      async env(up = true) {
        // Down: the fake cuts every connection, as a server that is not there.
        libre.fault = up ? null : 'down';
        return { LIBRETRANSLATE_URL: libre.url, LIBRETRANSLATE_TIMEOUT_MS: '1500', LLM_ENABLED: 'false' };
      },
      sent: () => libre.requests.map((r) => r.q),
      reset: () => libre.reset(),
      close: () => libre.close(),
    };
  }
  const llm = await startFakeLlm();
  const translateWithGlossary = () =>
    llm.respondWith('translate', (request) => {
      const [system, user] = request.body.messages;
      const { source, target } = languagesOf(system?.content ?? '');
      return { text: glossaryTranslate(user?.content ?? '', source, target) };
    });
  translateWithGlossary();
  return {
    kind,
    llm,
    async env(up = true) {
      // Down: nothing listens where the model should be.
      const base = up ? llm.baseUrl : `http://127.0.0.1:${await freePort()}/v1`;
      return { ...fakeLlmEnv(llm, { LLM_BASE_URL: base }), TRANSLATION_BACKEND: 'model' };
    },
    sent: () => llm.requests.filter((r) => r.task === 'translate').map((r) => r.body.messages.at(-1)?.content ?? ''),
    reset: () => {
      llm.reset();
      translateWithGlossary();
    },
    close: () => llm.close(),
  };
}

/** The languages the translate prompt names, back to codes. */
function languagesOf(system: string): { source: string; target: string } {
  const code = (name: string | undefined) =>
    (Object.entries(LANGUAGE_NAMES) as [Locale, string][]).find(([, n]) => n === name)?.[0] ?? '';
  return {
    source: code(/written in (.+?)\. It is text/.exec(system)?.[1]),
    target: code(/completely into (.+?), in plain words/.exec(system)?.[1]),
  };
}

/** Polls until `check` holds (returns something truthy), at most `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false | ''>,
  timeoutMs = 10_000,
  what = 'the condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result as T;
    if (Date.now() > until) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The report's machine translations and waiting jobs, as stored. */
export async function translationsOf(server: TestServer, reportId: number) {
  const db = server.database.db;
  const [texts, messages, jobs] = await Promise.all([
    db.selectFrom('report_translations').selectAll().where('report_id', '=', reportId).execute(),
    db
      .selectFrom('report_messages')
      .select(['id', 'author', 'body', 'locale', 'phrase', 'translation', 'translation_locale'])
      .where('report_id', '=', reportId)
      .orderBy('id')
      .execute(),
    db.selectFrom('translation_jobs').selectAll().where('report_id', '=', reportId).orderBy('id').execute(),
  ]);
  return {
    description: texts.find((t) => t.field === 'description' && t.locale === 'de') ?? null,
    consequences: texts.find((t) => t.field === 'consequences' && t.locale === 'de') ?? null,
    messages,
    jobs,
  };
}
