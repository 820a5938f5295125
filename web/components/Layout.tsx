import type { ComponentChildren } from 'preact';
import { LOCALE_AUTONYMS, directionOf, htmlLangOf } from '../../shared/locales';
import { usePage } from './page-context';

export function Layout({ title, children }: { title: string; children: ComponentChildren }) {
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
                <a
                  href={`/${l}${switchPath}`}
                  lang={htmlLangOf(l)}
                  dir={directionOf(l)}
                  hrefLang={htmlLangOf(l)}
                  aria-current={l === locale ? 'true' : undefined}
                >
                  {LOCALE_AUTONYMS[l]}
                </a>
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
 * A plain link, so it works without JavaScript; the client script makes it replace this page in the history
 * (so "back" does not return here) and also answers to the Escape key pressed twice.
 */
function QuickExit({ url }: { url: string }) {
  const { t } = usePage();
  return (
    <a class="quick-exit" href={url} rel="noreferrer noopener" data-quick-exit title={t('layout.quick_exit_hint')}>
      <span aria-hidden="true">✕ </span>
      {t('layout.quick_exit')}
    </a>
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
