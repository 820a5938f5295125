import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../helpers/backends';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';

describe.each(testBackends())('on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(async () => {
    await server?.close();
  });

  const api = (path: string) => `${server.url}/api${path}`;
  const db = () => server.database.db;
  const count = async (table: 'reports' | 'report_codes' | 'report_messages') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => ({
    reports: await count('reports'),
    codes: await count('report_codes'),
    messages: await count('report_messages'),
  });
  const lastReport = () =>
    db().selectFrom('reports').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

  describe('a report from submission to withdrawal', () => {
    it('stores an anonymised report, shows its status, takes more information and deletes it on withdrawal', async () => {
      const created = await postJson(api('/reports'), validReport());
      expect(created.status).toBe(201);
      const receipt: string = created.json.receipt;
      expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

      const status = await postJson(api('/receipt'), { receipt });
      expect(status.status).toBe(200);
      expect(status.json).toMatchObject({ status: 'new', messages: [] });

      // Typed by hand: lower case, spaces, O for 0 and I for 1 still find the report.
      const typed = receipt.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'i');
      expect((await postJson(api('/receipt'), { receipt: typed })).status).toBe(200);

      const added = await postJson(api('/receipt/messages'), {
        receipt,
        body: 'Der Fahrer heißt Klaus, Telefon 0241 123456.',
        locale: 'de',
      });
      expect(added.status).toBe(201);
      const after = await postJson(api('/receipt'), { receipt });
      expect(after.json.messages).toHaveLength(1);
      expect(after.json.messages[0].author).toBe('reporter');
      expect(after.json.messages[0].body).not.toContain('0241 123456');

      const row = await lastReport();
      expect(row.description).not.toContain('opfer@example.org');
      expect(row.description).toContain('Bus 51');
      expect(JSON.stringify(row)).not.toContain(receipt);

      const before = await counts();
      const withdrawn = await postJson(api('/receipt/withdraw'), { receipt, confirm: true });
      expect(withdrawn.status).toBe(200);
      const gone = await counts();
      expect(gone.reports).toBe(before.reports - 1);
      expect(gone.messages).toBe(before.messages - 1);
      expect(gone.codes).toBeLessThan(before.codes);
      expect((await postJson(api('/receipt'), { receipt })).status).toBe(404);
    });

    it('counts a named form of racism under the ground racism even when the ground was not ticked', async () => {
      const created = await postJson(
        api('/reports'),
        validReport({ grounds: ['religion'], racismForms: ['anti_muslim'] }),
      );
      expect(created.status).toBe(201);
      const { id } = await lastReport();
      const rows = await db()
        .selectFrom('report_codes')
        .select('code')
        .where('report_id', '=', id)
        .where('dimension', '=', 'ground')
        .orderBy('code')
        .execute();
      const grounds = rows.map((r) => r.code);
      expect(grounds).toEqual(['racism', 'religion']);
    });
  });

  describe('bad input gets a clear 4xx in the reporter language and changes nothing', () => {
    const cases: [string, () => Promise<Awaited<ReturnType<typeof postJson>>>, number, RegExp][] = [
      [
        'a missing description',
        () => postJson(api('/reports'), validReport({ description: undefined })),
        422,
        /describe what happened|beschreiben/i,
      ],
      [
        'a blank description',
        () => postJson(api('/reports'), validReport({ description: '   ' })),
        422,
        /describe|beschreiben/i,
      ],
      [
        'an unknown category code',
        () => postJson(api('/reports'), validReport({ grounds: ['racism', 'aliens'] })),
        422,
        /option|Auswahl/,
      ],
      [
        'an unknown municipality',
        () => postJson(api('/reports'), validReport({ place: { municipality: 'berlin', online: false } })),
        422,
        /option|Auswahl/,
      ],
      [
        'a description over 20 000 characters',
        () => postJson(api('/reports'), validReport({ description: 'x'.repeat(20_001) })),
        422,
        /too long|zu lang/,
      ],
      [
        'a 1 MB text',
        () => postJson(api('/reports'), validReport({ description: 'x'.repeat(1024 * 1024) })),
        413,
        /too large|zu groß/,
      ],
      [
        'wrong types',
        () => postJson(api('/reports'), validReport({ grounds: 'racism', consent: 'yes', online: 3 })),
        422,
        /./,
      ],
      ['malformed JSON', () => postJson(api('/reports'), '{"description": "x",'), 400, /JSON/],
      ['no consent', () => postJson(api('/reports'), validReport({ consent: false })), 422, /consent|Einwilligung/i],
      [
        'a date in the future',
        () => postJson(api('/reports'), validReport({ when: { precision: 'day', date: '2999-01-01' } })),
        422,
        /future|Zukunft/,
      ],
      [
        'a day that does not exist',
        () => postJson(api('/reports'), validReport({ when: { precision: 'day', date: '2026-02-30' } })),
        422,
        /date|Datum/,
      ],
      [
        'form data instead of JSON',
        async () => {
          const res = await fetch(api('/reports'), { method: 'POST', body: new URLSearchParams({ description: 'x' }) });
          return { status: res.status, headers: res.headers, json: await res.json(), text: '' };
        },
        415,
        /JSON/,
      ],
      [
        'a wrong receipt',
        () => postJson(api('/receipt'), { receipt: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }),
        404,
        /no report|keine Meldung/i,
      ],
      ['a receipt too short', () => postJson(api('/receipt'), { receipt: 'ABC' }), 422, /16/],
      [
        'a withdrawal without confirmation',
        () => postJson(api('/receipt/withdraw'), { receipt: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }),
        422,
        /confirm|bestätigen/i,
      ],
    ];

    for (const [name, send, status, message] of cases) {
      it(`answers ${name} with ${status}`, async () => {
        const kept = await postJson(api('/reports'), validReport());
        const before = await counts();
        const res = await send();
        expect(res.status).toBe(status);
        expect(res.json.error.code).toMatch(/^errors\./);
        expect(JSON.stringify(res.json.error)).toMatch(message);
        expect(await counts()).toEqual(before);
        expect((await postJson(api('/receipt'), { receipt: kept.json.receipt })).status).toBe(200);
      });
    }

    it('answers in English when the browser asks for English', async () => {
      const res = await postJson(api('/reports'), validReport({ description: '' }), {
        'accept-language': 'en-GB,en;q=0.9',
      });
      expect(res.json.error.fields.description).toBe('Please describe what happened.');
    });
  });

  describe('privacy of the stored record and the logs', () => {
    it('stores no IP address, user agent or time of day, and logs no report text', async () => {
      const secretText = 'Einzigartiger Satz 7f3a9 über den Vorfall';
      const res = await postJson(api('/reports'), validReport({ description: secretText }), {
        'user-agent': 'UA-Marker-42',
        'x-forwarded-for': '203.0.113.9',
      });
      expect(res.status).toBe(201);
      const file = server.databaseFile;
      const stored = file
        ? fs.readFileSync(file).toString('latin1') + fs.readFileSync(`${file}-wal`).toString('latin1')
        : JSON.stringify(await db().selectFrom('reports').selectAll().execute()) +
          JSON.stringify(await db().selectFrom('report_messages').selectAll().execute());
      expect(stored).not.toContain('127.0.0.1');
      expect(stored).not.toContain('203.0.113.9');
      expect(stored).not.toContain('UA-Marker-42');
      const row = await lastReport();
      expect(row.received_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const logs = JSON.stringify(server.logs);
      expect(logs).not.toContain('7f3a9');
      expect(logs).not.toContain('127.0.0.1');
      expect(logs).not.toContain(res.json.receipt);
    });

    it('throttles wrong receipt codes without storing who tried', async () => {
      const guesses = [];
      for (let i = 0; i < 12; i++)
        guesses.push(
          (await postJson(api('/receipt'), { receipt: `ZZZZ-ZZZZ-ZZZZ-ZZ${String(i).padStart(2, '0')}` })).status,
        );
      expect(guesses.slice(0, 5)).not.toContain(429);
      expect(guesses.at(-1)).toBe(429);
      const blocked = await postJson(api('/receipt'), { receipt: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('the public API is documented', () => {
    it('serves an OpenAPI 3 document with an example for each body', async () => {
      const doc = await (await fetch(api('/openapi.json'))).json();
      expect(doc.openapi).toMatch(/^3\./);
      const bodies = Object.entries(doc.paths)
        .filter(([path, p]: [string, any]) => !path.startsWith('/api/staff') && p.post)
        .map(([, p]: [string, any]) => p.post.requestBody.content['application/json']);
      expect(bodies.length).toBeGreaterThanOrEqual(5);
      for (const b of bodies) expect(b.example).toBeTruthy();
      const submission = doc.paths['/api/reports'].post.requestBody.content['application/json'].schema;
      expect(submission.required).toContain('description');
      expect(JSON.stringify(submission)).toContain('anti_black');
    });

    it('answers health checks', async () => {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });
  });
});
