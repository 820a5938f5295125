import type { ComponentChildren } from 'preact';
import { LOCALE_AUTONYMS, directionOf, htmlLangOf } from '../../shared/locales';
import { usePage } from './page-context';

/**
 * A page with a form in progress (the report form, the review) names it here: its language switch then
 * posts the form to the same page in the other language, so nothing typed is lost, with or without JavaScript.
 */
export interface CarriedForm {
  /** The form's `id`. */
  form: string;
  /** Where the form posts for the other language, without the locale: `/report/edit`. */
  path: string;
}

export function Layout({
  title,
  children,
  carry,
  switchSuffix,
}: {
  title: string;
  children: ComponentChildren;
  carry?: CarriedForm | undefined;
  /** Kept when switching language with JavaScript: the step of the form (`#step-when`), the review. */
  switchSuffix?: string | undefined;
}) {
  const { t, locale, locales, switchPath, office, href } = usePage();
  return (
    <>
      <a class="skip-link" href="#main">
        {t('layout.skip_to_content')}
      </a>
      <header class="site-header">
        <a class="brand" href={href('/')}>
          {t('app.name')}
        </a>
        <QuickExit url={office.quickExitUrl} />
      </header>
      {carry && (
        // Enter in a text field submits with a form's first submit button, and the language buttons come before
        // the form: this one, first of all, does what the form itself does.
        <button type="submit" form={carry.form} class="default-submit" tabIndex={-1} aria-hidden="true" />
      )}
      <details class="languages">
        <summary>
          <GlobeIcon />
          <span lang={htmlLangOf(locale)}>{LOCALE_AUTONYMS[locale]}</span>
          <span class="visually-hidden"> – {t('layout.language')}</span>
        </summary>
        <nav aria-label={t('layout.language')}>
          <ul>
            {locales.map((l) => (
              <li key={l}>
                {carry ? (
                  <button
                    type="submit"
                    form={carry.form}
                    formAction={`/${l}${carry.path}`}
                    formNoValidate
                    data-locale={l}
                    class="language-button"
                    lang={htmlLangOf(l)}
                    dir={directionOf(l)}
                    aria-current={l === locale ? 'true' : undefined}
                  >
                    {LOCALE_AUTONYMS[l]}
                  </button>
                ) : (
                  <a
                    href={`/${l}${switchPath}${switchSuffix ?? ''}`}
                    lang={htmlLangOf(l)}
                    dir={directionOf(l)}
                    hrefLang={htmlLangOf(l)}
                    aria-current={l === locale ? 'true' : undefined}
                  >
                    {LOCALE_AUTONYMS[l]}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </details>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
      <footer class="site-footer">
        <p>{t('layout.footer_office', { office: office.name })}</p>
        <p>{t('layout.footer_privacy')}</p>
        <p>
          <a href={href('/receipt')}>{t('landing.have_code')}</a>
        </p>
      </footer>
    </>
  );
}

/**
 * A plain link, so it works without JavaScript; it stays in view while the page scrolls. The client script
 * (web/quick-exit.ts) makes it hide the page, clear this tab's draft and replace this page in the history,
 * and also answers to Shift pressed three times, saying in the status line how many presses are left.
 */
function QuickExit({ url }: { url: string }) {
  const { t } = usePage();
  return (
    <div class="quick-exit-bar">
      <a
        class="quick-exit"
        href={url}
        rel="noreferrer noopener"
        data-quick-exit
        data-press-twice={t('layout.quick_exit_press_twice')}
        data-press-once={t('layout.quick_exit_press_once')}
        title={t('layout.quick_exit_hint')}
      >
        <span aria-hidden="true">✕ </span>
        {t('layout.quick_exit')}
      </a>
      <p class="quick-exit-status" id="quick-exit-status" role="status" />
    </div>
  );
}

/** "Language" in every script: a globe, drawn here so that no emoji font is needed. */
function GlobeIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" stroke-width="1.8">
        <circle cx="12" cy="12" r="9.5" />
        <ellipse cx="12" cy="12" rx="4.2" ry="9.5" />
        <path d="M2.5 12h19M4 7h16M4 17h16" />
      </g>
    </svg>
  );
}
