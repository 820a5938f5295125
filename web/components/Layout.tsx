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
      <nav class="languages" aria-label={t('layout.language')}>
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
