import { render } from 'preact-render-to-string';
import type { ClientAssets } from '../assets';
import { StaffPageContext, staffContextValue, type StaffPageBase } from './context';
import { staffPages, type StaffPageName, type StaffPropsOf } from './pages';

export interface StaffDocument<N extends StaffPageName> {
  page: N;
  base: StaffPageBase;
  props: StaffPropsOf<N>;
  title: string;
}

/** A whole staff HTML document. No page data, no hydration: every action is a plain form. */
export function renderStaffDocument<N extends StaffPageName>(doc: StaffDocument<N>, assets: ClientAssets): string {
  const Page = staffPages[doc.page] as (props: StaffPropsOf<N>) => preact.JSX.Element;
  const body = render(
    <StaffPageContext.Provider value={staffContextValue(doc.base)}>
      <Page {...doc.props} />
    </StaffPageContext.Provider>,
  );
  return `<!doctype html>
<html lang="${doc.base.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(doc.title)}</title>
<link rel="icon" href="data:,">
${assets.css.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
</head>
<body class="staff">
<div id="staff-app">${body}</div>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
