import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock';
import { evidenceHousekeepingFor } from '../../server/evidence/housekeeping';
import { nodeEvidenceStore } from '../../server/evidence/stores/node-store';
import { runRetention } from '../../server/retention/job';
import { nodeBackends } from '../helpers/backends';
import { fixture, sendReport, upload, storedEvidenceKeys } from '../helpers/evidence';
import { startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

/**
 * Files go with the text: a report rejected as spam loses its screenshots when retention deletes its words,
 * and files staged for a report that was never sent are swept once their day and the next are over.
 */
describe.each(nodeBackends())('evidence and retention on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(async () => {
    await server?.close();
  });

  const storedKeys = () => storedEvidenceKeys(server);

  it('deletes the files of a report rejected as spam with its text, and sweeps staging never sent', async () => {
    const staged = await upload(server, [{ name: 'a.jpg', bytes: fixture('phone-photo.jpg') }]);
    await sendReport(server, staged.json.token);
    // A second reporter chose a file and never sent the report.
    await upload(server, [{ name: 'b.png', bytes: fixture('screenshot.png') }]);
    const caseworker = await signedInStaff(server, 'caseworker');
    const reportId = (await caseworker.get('/api/staff/reports')).json.rows[0].id;
    const rejected = await caseworker.post(`/api/staff/reports/${reportId}/status`, {
      status: 'rejected',
      reason: 'spam',
    });
    expect(rejected.status).toBe(200);
    const before = await storedKeys();
    expect(before.filter((k) => k.startsWith('files'))).toHaveLength(2);
    expect(before.filter((k) => k.startsWith('staging'))).toHaveLength(2);

    // Twenty-five months later the retention job runs.
    const later = new Date(Date.now() + 25 * 31 * 24 * 3600_000);
    const clock = fixedClock(later.toISOString());
    const store = nodeEvidenceStore(server.database, server.dataDir);
    const result = await runRetention({
      db: server.database.db,
      atomic: server.database.atomic,
      dialect: server.database.kind,
      clock,
      config: server.config,
      evidence: evidenceHousekeepingFor(server.database.db, store, clock, server.config.encryptionKey),
    });
    expect(result.textsDeleted).toBe(1);
    expect(result.filesDeleted).toBe(1 + 2);
    expect(await storedKeys()).toEqual([]);
    expect(await server.database.db.selectFrom('report_evidence').selectAll().execute()).toEqual([]);
    const report = await server.database.db
      .selectFrom('reports')
      .select(['description', 'text_deleted_on'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(report.description).toBe('');
    expect(report.text_deleted_on).not.toBeNull();
  });
});
