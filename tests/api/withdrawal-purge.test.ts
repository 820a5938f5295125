import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../helpers/backends';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

/** The SQLite file and its write-ahead log, as bytes: what a copy of the data folder would hold. */
function databaseBytes(server: TestServer): string {
  const file = server.databaseFile!;
  const wal = `${file}-wal`;
  return fs.readFileSync(file).toString('latin1') + (fs.existsSync(wal) ? fs.readFileSync(wal).toString('latin1') : '');
}

describe.each(nodeBackends())('withdrawal deletes the words everywhere, on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('leaves no word of a withdrawn report in the tables, the search index, the file or its log', async () => {
    const caseworker = await signedInStaff(server, 'caseworker');
    // Words that exist nowhere else: in the description, the consequences and a message.
    const words = ['Quxwolkenbruchinger', 'Zarnoffelbeckmann', 'Plimquartzenhuber'];
    const created = await postJson(
      `${server.url}/api/reports`,
      validReport({
        description: `Auf dem Zettel an der Tür stand ${words[0]} und ein Hakenkreuz.`,
        consequences: `Seit ${words[1]} schlafe ich schlecht.`,
      }),
    );
    const receipt: string = created.json.receipt;
    expect(
      (
        await postJson(`${server.url}/api/receipt/messages`, {
          receipt,
          body: `Auch ${words[2]} war dabei.`,
          locale: 'de',
        })
      ).status,
    ).toBe(201);
    // Others' reports stay, and stay findable.
    await postJson(
      `${server.url}/api/reports`,
      validReport({ description: 'Ein anderer Fall im Bus nach Baesweiler.' }),
    );
    expect((await caseworker.get(`/api/staff/reports?q=${words[0]}`)).json.total).toBe(1);
    if (server.databaseFile) expect(databaseBytes(server)).toContain(words[0]);

    expect((await postJson(`${server.url}/api/receipt/withdraw`, { receipt, confirm: true })).status).toBe(200);

    expect((await caseworker.get(`/api/staff/reports?q=${words[0]}`)).json.total).toBe(0);
    expect((await caseworker.get('/api/staff/reports?q=Baesweiler')).json.total).toBe(1);
    if (server.databaseFile) {
      const bytes = databaseBytes(server);
      for (const word of words) expect(bytes).not.toContain(word);
      // Not even the stem the full-text index keeps of a long word.
      for (const word of words) expect(bytes.toLowerCase()).not.toContain(word.toLowerCase().slice(0, 9));
    }
  });
});
