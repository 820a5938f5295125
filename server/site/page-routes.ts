import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import type { PageRenderer } from '../http/pages';

export function sitePageRoutes({ renderPage }: { renderPage: PageRenderer }) {
  return new Hono<AppEnv>().get('/', (c) =>
    renderPage(c, 'landing', {}, { titleKey: 'landing.title', switchPath: '/' }),
  );
}
