import type { ClientAssets } from './assets';

/** The HTML around a rendered page: the one place that decides what every document's head holds. */
export interface DocumentShell {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  assets: ClientAssets;
  /** The server-rendered page, already HTML. */
  body: string;
  /** The client script: only public pages load it (quick exit, hydration); staff pages are plain forms. */
  withScript: boolean;
  /** `id` of the element around the page, and the body's class. */
  rootId: string;
  bodyClass?: string;
  /** Pages for staff or behind a form post have no business in a search engine. */
  noindex?: boolean;
  /** Anything after the page, e.g. its props as inert JSON for hydration. */
  after?: string;
  /** `data-*` attributes of the body: instructions for the client script that are not page props. */
  bodyData?: Record<string, string>;
  /** A notice above everything, outside what hydration touches: "demo, nothing here is real". */
  banner?: string;
}

export function htmlDocument(d: DocumentShell): string {
  return `<!doctype html>
<html lang="${d.lang}" dir="${d.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
${d.noindex ? '<meta name="robots" content="noindex">\n' : ''}<title>${escapeHtml(d.title)}</title>
<link rel="icon" href="data:,">
${d.assets.css.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
${d.withScript ? `<script type="module" src="${d.assets.script}"></script>\n` : ''}</head>
<body${d.bodyClass ? ` class="${d.bodyClass}"` : ''}${Object.entries(d.bodyData ?? {})
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('')}>
${d.banner ? `<p class="demo-banner" role="note">${escapeHtml(d.banner)}</p>\n` : ''}<div id="${d.rootId}">${d.body}</div>
${d.after ?? ''}
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
