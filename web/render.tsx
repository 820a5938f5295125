import { render } from 'preact-render-to-string';
import { propsWithoutBidiControls } from '../shared/bidi';
import { directionOf, htmlLangOf } from '../shared/locales';
import { PageContext, pageContextValue, type PageBase } from './components/page-context';
import { pages, type PageName, type PropsOf } from './pages';
import type { ClientAssets } from './assets';
import { htmlDocument } from './document';

/** Pages with something to do in the browser; the others get only the small global script (quick exit). */
export type { PageBase, PublicOffice } from './components/page-context';
export type { PageName, PropsOf } from './pages';

export const HYDRATED_PAGES: ReadonlySet<PageName> = new Set<PageName>(['report', 'review', 'sent', 'assistant']);

export interface PageDocument<N extends PageName> {
  page: N;
  base: PageBase;
  props: PropsOf<N>;
  title: string;
  /** See PageOptions.historyPath (server/http/pages.ts): the address that replaces a post in the history. */
  historyUrl?: string;
  /** The tab's draft is cleared on this page (it follows a sent report). */
  forgetDraft?: boolean;
  /** Shown above the page on every public page of a demo portal. */
  banner?: string;
}

/** A whole HTML document: server-rendered page, and for hydrated pages their props as inert JSON. */
export function renderDocument<N extends PageName>(doc: PageDocument<N>, assets: ClientAssets): string {
  const Page = pages[doc.page] as (props: PropsOf<N>) => preact.JSX.Element;
  // Text from reporters and staff may hold direction overrides: neutralised here, for every page at once.
  const props = propsWithoutBidiControls(doc.props);
  const body = render(
    <PageContext.Provider value={pageContextValue(doc.base)}>
      <Page {...props} />
    </PageContext.Provider>,
  );
  const data = HYDRATED_PAGES.has(doc.page)
    ? `<script type="application/json" id="page-data">${jsonForHtml({ page: doc.page, base: doc.base, props })}</script>`
    : '';
  const { locale } = doc.base;
  return htmlDocument({
    lang: htmlLangOf(locale),
    dir: directionOf(locale),
    title: doc.title,
    assets,
    body,
    withScript: true,
    rootId: 'app',
    ...(locale === 'de-LS' ? { bodyClass: 'easy-read' } : {}),
    after: data,
    bodyData: {
      ...(doc.historyUrl ? { 'history-url': doc.historyUrl } : {}),
      ...(doc.forgetDraft ? { 'forget-draft': '' } : {}),
    },
    ...(doc.banner ? { banner: doc.banner } : {}),
  });
}

/** JSON inside a script element: `<` escaped so that no text in it can close the element. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
