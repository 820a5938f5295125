import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveCodesText } from '../../shared/taxonomy';
import { nodeBackends } from '../helpers/backends';
import { startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff, type StaffClient } from '../helpers/staff';

/**
 * A search for a common word, or a common code, is counted up to 1 000 and then said to be "more than
 * 1 000": counting every match would test most reports on every page of every search.
 */
describe.each(nodeBackends())('the inbox counts on %s', (backend) => {
  let server: TestServer;
  let clara: StaffClient;
  beforeAll(async () => {
    server = await startTestServer({ backend });
    clara = await signedInStaff(server, 'caseworker');
    // 1 010 reports on the bus, ten of them referred; 20 in a shop.
    const rows = Array.from({ length: 1030 }, (_, i) => {
      const bus = i < 1010;
      const codes = [{ dimension: 'ground', code: bus ? 'racism' : 'religion' }];
      return {
        receipt_hash: `counts-${i}`,
        status: bus && i < 10 ? 'referred' : 'new',
        channel: 'form',
        locale: 'de',
        description: bus ? `Im Bus beschimpft, Fahrt ${i}.` : `Im Laden nicht bedient, Einkauf ${i}.`,
        consequences: '',
        municipality: 'alsdorf',
        online: 0,
        when_precision: 'unknown',
        when_value: null,
        ongoing: 0,
        witnesses: null,
        support_wanted: 0,
        received_on: '2026-05-04',
        updated_at: '2026-05-04T12:00:00.000Z',
        effective_codes: effectiveCodesText(codes),
      };
    });
    for (let i = 0; i < rows.length; i += 250)
      await server.database.db
        .insertInto('reports')
        .values(rows.slice(i, i + 250))
        .execute();
  });
  afterAll(async () => {
    await server?.close();
  });

  const inbox = async (query: string) => (await clara.get(`/api/staff/reports?${query}`)).json;

  it('says "more than 1 000" for a common word, and gives the first page all the same', async () => {
    const found = await inbox('q=bus');
    expect([found.capped, found.total, found.counts]).toEqual([true, 1000, {}]);
    expect(found.rows).toHaveLength(50);
    expect(found.rows[0].excerpt).toContain('Fahrt 1009');
  });

  it('counts exactly below the cap, per status', async () => {
    expect(await inbox('q=laden')).toMatchObject({ capped: false, total: 20, counts: { new: 20 } });
    // Narrowed by status, a search is counted once, under all its filters: the total, without the tabs' split.
    expect(await inbox('q=bus&status=referred')).toMatchObject({ capped: false, total: 10, counts: {} });
    expect(await inbox('q=im&status=new')).toMatchObject({ capped: true, total: 1000, counts: {} });
    expect(await inbox('ground=religion')).toMatchObject({ capped: false, total: 20, counts: { new: 20 } });
  });

  it('caps a common code the same way, and counts plain filters exactly', async () => {
    expect(await inbox('ground=racism')).toMatchObject({ capped: true, total: 1000 });
    expect(await inbox('municipality=alsdorf')).toMatchObject({ capped: false, total: 1030 });
  });

  it('says so on the inbox page, in words', async () => {
    const page = await clara.get('/staff/inbox?q=bus');
    expect(page.text).toContain('Mehr als 1.000 Meldungen');
    expect((await clara.get('/staff/inbox?q=laden')).text).toContain('20 Meldungen');
  });
});
