import type { Office } from '../office/schema';
import type { Locale } from '../../shared/locales';
import { AVAILABLE_LOCALES, messagesFor } from '../../shared/i18n/catalog';
import type { MessageKey } from '../../shared/i18n/translate';
import type { ClientAssets } from '../../web/assets';
import { renderDocument, type PageBase, type PageName, type PropsOf, type PublicOffice } from '../../web/render';
import type { AppContext } from './env';

export interface PageRendererDeps {
  office: Office;
  assets: ClientAssets;
}

export interface PageOptions {
  titleKey: MessageKey;
  /** The page to open in another language: a GET path, so never one that only answers a form post. */
  switchPath: string;
  status?: 200 | 201 | 404 | 409 | 413 | 422 | 429 | 500;
}

/** The one way a route answers with a page. */
export function createPageRenderer({ office, assets }: PageRendererDeps) {
  return function renderPage<N extends PageName>(c: AppContext, page: N, props: PropsOf<N>, options: PageOptions) {
    const locale = c.var.locale;
    const base: PageBase = {
      locale,
      messages: messagesFor(locale),
      office: publicOffice(office, locale),
      switchPath: options.switchPath,
      locales: [...AVAILABLE_LOCALES],
    };
    const title = `${c.var.t(options.titleKey)} – ${c.var.t('app.name')}`;
    return c.html(renderDocument({ page, base, props, title }, assets), options.status ?? 200);
  };
}
export type PageRenderer = ReturnType<typeof createPageRenderer>;

function localized(text: Record<string, string> & { de: string }, locale: Locale): string {
  return text[locale] ?? (locale === 'de-LS' ? text.de : (text.en ?? text.de));
}

export function publicOffice(office: Office, locale: Locale): PublicOffice {
  return {
    name: localized(office.name, locale),
    region: office.region,
    municipalities: office.municipalities,
    emergency: office.emergency.map((e) => ({ number: e.number, label: localized(e.label, locale) })),
    counselling: office.counselling.map((c) => ({
      name: c.name,
      description: localized(c.description, locale),
      ...(c.phone ? { phone: c.phone } : {}),
      ...(c.url ? { url: c.url } : {}),
    })),
    quickExitUrl: office.quickExitUrl,
  };
}
