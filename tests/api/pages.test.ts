import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../helpers/backends';
import { postForm, startTestServer, type TestServer } from '../helpers/server';

describe.each(testBackends())('on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(async () => {
    await server?.close();
  });

  const receiptIn = (html: string) => html.match(/id="receipt-code"[^>]*>(.*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, '');

  describe('the report form as plain HTML posts (no JavaScript)', () => {
    it('goes form → review → send → receipt → status → withdraw', async () => {
      const draft: [string, string][] = [
        ['description', 'Frau Schneider vom Vermieter hat gesagt: keine Ausländer. Mail: anna.k@example.org'],
        ['incidentForms', 'denial_unequal_treatment'],
        ['grounds', 'racism'],
        ['grounds', 'citizenship_residence'],
        ['racismForms', 'against_refugees'],
        ['municipality', 'eschweiler'],
        ['lifeDomain', 'housing'],
        ['whenMonth', '9'],
        ['whenYear', '2026'],
        ['reporterRole', 'affected'],
        ['witnesses', 'no'],
        ['consequences', ''],
      ];
      const review = await postForm(`${server.url}/de/report/review`, draft);
      expect(review.status).toBe(200);
      expect(review.html).toContain('Bitte prüfen Sie Ihre Meldung');
      expect(review.html).toContain('<mark class="replaced">[E-Mail]</mark>');
      expect(review.html).not.toContain('anna.k@example.org</div>');
      expect(review.html).toContain('September 2026');

      const missingConsent = await postForm(`${server.url}/de/report/send`, draft);
      expect(missingConsent.status).toBe(422);
      expect(missingConsent.html).toContain('Bitte bestätigen Sie die Einwilligung');

      const sent = await postForm(`${server.url}/de/report/send`, [...draft, ['consent', 'on']]);
      expect(sent.status).toBe(201);
      const receipt = receiptIn(sent.html);
      expect(receipt).toBeTruthy();

      const status = await postForm(`${server.url}/de/receipt`, [['receipt', receipt!]]);
      expect(status.status).toBe(200);
      expect(status.html).toContain('Eingegangen, noch nicht gelesen');

      const added = await postForm(`${server.url}/de/receipt/messages`, [
        ['receipt', receipt!],
        ['body', 'Noch etwas: es war ein Dienstag.'],
      ]);
      expect(added.html).toContain('Ihre Nachricht ist gespeichert.');
      expect(added.html).toContain('es war ein Dienstag');

      const notConfirmed = await postForm(`${server.url}/de/receipt/withdraw`, [['receipt', receipt!]]);
      expect(notConfirmed.status).toBe(422);
      const withdrawn = await postForm(`${server.url}/de/receipt/withdraw`, [
        ['receipt', receipt!],
        ['confirm', 'on'],
      ]);
      // Post/Redirect/Get: the answer is an address without the code, which a reload can fetch again.
      expect(withdrawn.status).toBe(303);
      expect(withdrawn.headers.get('location')).toBe('/de/receipt/withdrawn');
      const afterwards = await fetch(`${server.url}/de/receipt/withdrawn`).then((r) => r.text());
      expect(afterwards).toContain('Ihre Meldung wurde gelöscht');
      const after = await postForm(`${server.url}/de/receipt`, [['receipt', receipt!]]);
      expect(after.status).toBe(404);
      expect(after.html).toContain('Zu diesem Code gibt es keine Meldung');
    });

    it('re-renders the form with the errors beside the fields and keeps what was typed', async () => {
      const res = await postForm(`${server.url}/en/report/review`, [
        ['description', ''],
        ['grounds', 'racism'],
        ['grounds', 'martians'],
        ['whenYear', '20x6'],
        ['consequences', 'I could not sleep'],
      ]);
      expect(res.status).toBe(422);
      expect(res.html).toContain('Please describe what happened.');
      expect(res.html).toMatch(/aria-describedby="[^"]*description-error/);
      expect(res.html).toContain('I could not sleep');
      expect(res.html).toMatch(/value="racism" checked/);
    });

    it('understands a year typed in Arabic or Persian digits', async () => {
      const res = await postForm(`${server.url}/ar/report/review`, [
        ['description', 'شتمني رجل في الحافلة.'],
        ['whenYear', '٢٠٢٥'],
        ['whenMonth', '۳'],
      ]);
      expect(res.status).toBe(200);
      expect(res.html).toContain('2025');
    });

    it('goes back from the review to the form with every answer kept', async () => {
      const res = await postForm(`${server.url}/de/report/edit`, [
        ['description', 'Mein Text'],
        ['lifeDomain', 'police'],
        ['ongoing', 'on'],
      ]);
      expect(res.status).toBe(200);
      expect(res.html).toContain('>Mein Text</textarea>');
      expect(res.html).toMatch(/value="police" checked/);
      expect(res.html).toMatch(/id="ongoing" name="ongoing" checked/);
    });
  });

  describe('every page', () => {
    const pages = ['/de/', '/en/', '/ar/', '/de/report', '/ar/report', '/de/receipt'];

    it.each(pages)('%s sets strict security headers and no cookie', async (path) => {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      // The address goes to this origin only (so that our forms carry their Origin), never to another site.
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      // On plain http a browser ignores HSTS, and on localhost it would pin other local services to https.
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('set-cookie')).toBeNull();
      const html = await res.text();
      expect(html).not.toMatch(/<script(?![^>]*(type="module" src="\/assets\/|type="application\/json"))/);
      // Links to counselling sites are fine (nothing loads until clicked); resources from elsewhere are not.
      expect(html).not.toMatch(/src="https?:|<link[^>]+href="https?:/);
    });

    it('renders Arabic right-to-left', async () => {
      const html = await (await fetch(`${server.url}/ar/`)).text();
      expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    });

    it('sends / to the language the browser prefers', async () => {
      const res = await fetch(`${server.url}/`, {
        headers: { 'accept-language': 'ar-SY,ar;q=0.9,en;q=0.5' },
        redirect: 'manual',
      });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/ar/');
    });

    it('answers an unknown language or page with a 404 page', async () => {
      expect((await fetch(`${server.url}/xx/report`)).status).toBe(404);
      const res = await fetch(`${server.url}/en/nothing-here`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('This page does not exist');
    });
  });
});
