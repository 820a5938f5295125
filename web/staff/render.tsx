import { render } from 'preact-render-to-string';
import { propsWithoutBidiControls } from '../../shared/bidi';
import type { ClientAssets } from '../assets';
import { htmlDocument } from '../document';
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
      <Page {...propsWithoutBidiControls(doc.props)} />
    </StaffPageContext.Provider>,
  );
  return htmlDocument({
    lang: doc.base.locale,
    dir: 'ltr',
    title: doc.title,
    assets,
    body,
    withScript: false,
    rootId: 'staff-app',
    bodyClass: 'staff',
    noindex: true,
  });
}
