import { render } from 'preact-render-to-string';
import { directionOf, htmlLangOf } from '../shared/locales';
import { PageContext, pageContextValue, type PageBase } from './components/page-context';
import { pages, type PageName, type PropsOf } from './pages';
import type { ClientAssets } from './assets';
import { htmlDocument } from './document';

/** Pages with something to do in the browser; the others get only the small global script (quick exit). */
export type { PageBase, PublicOffice } from './components/page-context';
export type { PageName, PropsOf } from './pages';

export const HYDRATED_PAGES: ReadonlySet<PageName> = new Set<PageName>(['report', 'sent', 'assistant']);

export interface PageDocument<N extends PageName> {
  page: N;
  base: PageBase;
  props: PropsOf<N>;
  title: string;
}

/** A whole HTML document: server-rendered page, and for hydrated pages their props as inert JSON. */
export function renderDocument<N extends PageName>(doc: PageDocument<N>, assets: ClientAssets): string {
  const Page = pages[doc.page] as (props: PropsOf<N>) => preact.JSX.Element;
  const body = render(
    <PageContext.Provider value={pageContextValue(doc.base)}>
      <Page {...doc.props} />
    </PageContext.Provider>,
  );
  const data = HYDRATED_PAGES.has(doc.page)
    ? `<script type="application/json" id="page-data">${jsonForHtml({ page: doc.page, base: doc.base, props: doc.props })}</script>`
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
    after: data,
  });
}

/** JSON inside a script element: `<` escaped so that no text in it can close the element. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
