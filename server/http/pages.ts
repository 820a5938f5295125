import type { Office } from '../office/schema';
import { counsellingDescription, officeText } from '../office/localized';
import type { Locale } from '../../shared/locales';
import { AVAILABLE_LOCALES, messagesFor } from '../../shared/i18n/catalog';
import type { MessageKey } from '../../shared/i18n/translate';
import type { ClientAssets } from '../../web/assets';
import { renderDocument, type PageBase, type PageName, type PropsOf, type PublicOffice } from '../../web/render';
import type { AppContext } from './env';

export interface PageRendererDeps {
  office: Office;
  assets: ClientAssets;
  /** A demo portal (server/demo/): every page says so. */
  demo?: boolean;
}

export interface PageOptions {
  titleKey: MessageKey;
  /** The page to open in another language: a GET path, so never one that only answers a form post. */
  switchPath: string;
  status?: 200 | 201 | 404 | 409 | 413 | 422 | 429 | 500;
  /**
   * For a page that answers a post: the GET address that stands for it. Once shown, it replaces the post in
   * the tab's history (with JavaScript), so a reload or Back and Forward never send the form again.
   */
  historyPath?: string;
  /** The page follows a sent report: the tab's draft of it is cleared. */
  forgetDraft?: boolean;
}

/** The one way a route answers with a page. */
export function createPageRenderer({ office, assets, demo }: PageRendererDeps) {
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
    const after = {
      ...(options.historyPath ? { historyUrl: `/${locale}${options.historyPath}` } : {}),
      ...(options.forgetDraft ? { forgetDraft: true } : {}),
      ...(demo ? { banner: c.var.t('layout.demo_banner') } : {}),
    };
    return c.html(renderDocument({ page, base, props, title, ...after }, assets), options.status ?? 200);
  };
}
export type PageRenderer = ReturnType<typeof createPageRenderer>;

export function publicOffice(office: Office, locale: Locale): PublicOffice {
  return {
    name: officeText(office.name, locale),
    region: office.region,
    // Names only: the spellings the assistant understands stay on the server.
    municipalities: office.municipalities.map((m) => ({ code: m.code, name: m.name })),
    emergency: office.emergency.map((e) => ({ number: e.number, label: officeText(e.label, locale) })),
    counselling: office.counselling.map((c) => ({
      name: c.name,
      description: counsellingDescription(c, locale),
      ...(c.phone ? { phone: c.phone } : {}),
      ...(c.url ? { url: c.url } : {}),
    })),
    quickExitUrl: office.quickExitUrl,
  };
}
