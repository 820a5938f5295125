import type { CaseMessage, ReplyPreview } from '../../../shared/case-views';
import { PHRASE_KEYS, phraseText } from '../../../shared/i18n/phrasebook';
import type { StaffMessageKey } from '../../../shared/i18n/staff/catalog';
import { directionOf, htmlLangOf, isLocale, languageLabel, type Locale } from '../../../shared/locales';
import type { ReceiptMessageView } from '../../../shared/report';
import type { Reply } from '../../../shared/staff';
import { useStaffPage } from '../context';
import { PostForm, formatDay } from './forms';

interface Props {
  base: string;
  /** The report's language: the reporter's. */
  locale: string;
  messages: CaseMessage[];
  /** Subjects of texts whose translation is still waiting (e.g. `message:12`). */
  pending: string[];
  canReply: boolean;
  reply?: Pick<Reply, 'phrase' | 'body'> | undefined;
  preview?: ReplyPreview | undefined;
}

/**
 * The anonymous mailbox: each message as written, with its German machine translation beside a reporter's
 * message and, under an office message, what the reporter reads. Replies open with a phrase of the reviewed
 * phrasebook (the reporter reads it in their language, with or without a translator), the caseworker's own
 * words after it, and a preview of what the reporter will read before anything is sent.
 */
export function MessagesSection({ base, locale, messages, pending, canReply, reply, preview }: Props) {
  const { t } = useStaffPage();
  const reporterLanguage = isLocale(locale) ? locale : 'de';
  const foreign = reporterLanguage !== 'de' && reporterLanguage !== 'de-LS';
  return (
    <section class="card" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('report.messages_title')}</h2>
      <p class="hint">{t('report.messages_hint')}</p>
      {messages.length === 0 ? (
        <p class="muted">{t('report.no_messages')}</p>
      ) : (
        <ol class="messages">
          {messages.map((m) => (
            <li key={m.id} class={`message from-${m.author === 'office' ? 'office' : 'reporter'}`}>
              <p class="meta">
                {m.author === 'office' ? t('report.from_office') : t('report.from_reporter')} · {formatDay(m.sent_on)}
                {m.author === 'office' && (
                  <span class={m.read_at ? 'tag' : 'tag accent'}>
                    {m.read_at ? t('report.read_by_reporter') : t('report.unread_by_reporter')}
                  </span>
                )}
                {m.author === 'reporter' && !m.read_at && <span class="tag accent">{t('report.new_message')}</span>}
              </p>
              {m.author === 'office' ? (
                <OfficeMessage message={m} pending={pending.includes(`message:${m.id}`)} />
              ) : (
                <ReporterMessage
                  message={m}
                  language={m.locale ?? locale}
                  pending={pending.includes(`message:${m.id}`)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      {canReply && (
        <PostForm action={`${base}/messages`} class="reply-form">
          <fieldset class="phrasebook">
            <legend>{t('report.phrase_label')}</legend>
            <p class="hint">
              {foreign
                ? t('report.phrase_hint', { language: languageLabel(reporterLanguage) })
                : t('report.phrase_hint_german')}
            </p>
            <div class="choice">
              <input type="radio" id="phrase-none" name="phrase" value="" checked={!reply?.phrase} />
              <label for="phrase-none">{t('report.phrase_none')}</label>
            </div>
            {PHRASE_KEYS.map((key) => (
              <div class="choice" key={key}>
                <input type="radio" id={`phrase-${key}`} name="phrase" value={key} checked={reply?.phrase === key} />
                <label for={`phrase-${key}`}>
                  <strong>{t(`phrasebook.${key}` as StaffMessageKey)}</strong>
                  <span class="phrase-text" lang="de">
                    {phraseText(key, 'de')}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
          <div class="field">
            <label for="reply">{t('report.reply_label')}</label>
            <p class="hint" id="reply-hint">
              {t('report.reply_hint')}
            </p>
            <textarea id="reply" name="body" rows={4} maxLength={10000} aria-describedby="reply-hint" lang="de">
              {reply?.body ?? ''}
            </textarea>
          </div>
          {preview && <Preview preview={preview} />}
          {preview?.translation && preview.seal && (
            // Sent with the reply: the reporter then reads exactly this translation, unless the words change.
            <>
              <input type="hidden" name="translation" value={preview.translation} />
              <input type="hidden" name="seal" value={preview.seal} />
            </>
          )}
          <p class="actions">
            {foreign && (
              <button
                type="submit"
                name="intent"
                value="preview"
                formAction={`${base}/messages/preview`}
                class="button"
              >
                {t('report.reply_preview')}
              </button>
            )}
            <button type="submit" name="intent" value="send" class="button primary">
              {t('report.reply_send')}
            </button>
          </p>
        </PostForm>
      )}
    </section>
  );
}

function ReporterMessage({ message, language, pending }: { message: CaseMessage; language: string; pending: boolean }) {
  const { t } = useStaffPage();
  const translated = message.translation && message.translation_locale === 'de' ? message.translation : null;
  return (
    <>
      <Text language={language} text={message.body} />
      {translated ? (
        <div class="translation">
          <p class="meta">
            {t('report.translation_de')}
            <span class="tag">{t('report.machine_translation')}</span>
          </p>
          <Text language="de" text={translated} />
        </div>
      ) : (
        pending && <p class="muted">{t('report.translation_pending')}</p>
      )}
    </>
  );
}

function OfficeMessage({ message, pending }: { message: CaseMessage; pending: boolean }) {
  const { t } = useStaffPage();
  const phrase = message.phrase && PHRASE_KEYS.includes(message.phrase as never) ? message.phrase : null;
  const version = message.reader;
  return (
    <>
      {phrase && (
        <p class="meta">
          <span class="tag">{t(`phrasebook.${phrase}` as StaffMessageKey)}</span>
        </p>
      )}
      {phrase && <Text language="de" text={phraseText(phrase as never, 'de')} />}
      {message.body && <Text language="de" text={message.body} />}
      {version && version.language !== 'de-LS' && (
        <details class="reader-version">
          <summary>{t('report.reader_reads', { language: languageLabel(version.language) })}</summary>
          {version.parts.map((part, i) => (
            <div key={i}>
              <p class="meta">
                <span class="tag">{t(`report.part_${part.source}` as StaffMessageKey)}</span>
              </p>
              <Text language={part.source === 'original' ? 'de' : version.language} text={part.text} />
            </div>
          ))}
        </details>
      )}
      {pending && <p class="muted">{t('report.translation_pending')}</p>}
    </>
  );
}

/** What the reporter will read, under the unsent reply. */
function Preview({ preview }: { preview: ReplyPreview }) {
  const { t } = useStaffPage();
  return (
    <div class="reply-preview" role="status">
      <h3>{t('report.preview_title', { language: languageLabel(preview.reader) })}</h3>
      {preview.phrase && (
        <>
          <p class="meta">
            <span class="tag">{t('report.part_phrasebook')}</span>
          </p>
          <Text language={preview.reader} text={preview.phrase} />
        </>
      )}
      {preview.translation && (
        <>
          <p class="meta">
            <span class="tag">{t('report.part_machine')}</span>
          </p>
          <Text language={preview.reader} text={preview.translation} />
        </>
      )}
      {!preview.translation && preview.body && (
        <>
          <p class="meta">
            <span class="tag">{t('report.part_original')}</span>
          </p>
          <Text language="de" text={preview.body} />
        </>
      )}
      {preview.failure && (
        <p class="muted">
          {t(preview.failure === 'unavailable' ? 'report.preview_no_translator' : 'report.preview_failed')}
        </p>
      )}
    </div>
  );
}

function Text({ language, text }: { language: string; text: string }) {
  const locale = isLocale(language) ? language : 'de';
  return (
    <p class="body" lang={htmlLangOf(locale)} dir={directionOf(locale)}>
      {text}
    </p>
  );
}
