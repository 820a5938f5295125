/**
 * The baseline for `bench:submit`: node:http and better-sqlite3 storing the same rows as the portal (the
 * report and its code rows, in one transaction, into the same migrated schema) and nothing else: no
 * validation, no anonymiser, no framework, no query builder. Started by submit.ts, not meant to be used.
 */
import Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';

const [file, port] = [process.argv[2]!, Number(process.argv[3])];
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const insertReport =
  db.prepare(`insert into reports (receipt_hash, channel, locale, description, consequences, municipality,
  online, when_precision, when_value, ongoing, witnesses, support_wanted, received_on, updated_at)
  values (?, 'form', ?, ?, '', ?, 0, ?, ?, 0, null, 0, ?, ?) returning id`);
const insertCode = db.prepare(
  `insert into report_codes (report_id, coder, dimension, code) values (?, 'reporter', ?, ?)`,
);
const store = db.transaction((r: any, hash: string, now: string) => {
  const { id } = insertReport.get(
    hash,
    r.locale,
    r.description,
    r.place.municipality,
    r.when.precision,
    `${r.when.year}-${r.when.month}`,
    now.slice(0, 10),
    now,
  ) as { id: number };
  for (const g of r.grounds) insertCode.run(id, 'ground', g);
  for (const f of r.racismForms) insertCode.run(id, 'racism_form', f);
  for (const f of r.incidentForms) insertCode.run(id, 'incident_form', f);
  insertCode.run(id, 'life_domain', r.lifeDomain);
  insertCode.run(id, 'reporter_role', r.reporterRole);
});

http
  .createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const r = JSON.parse(body);
      const receipt = randomBytes(10).toString('hex');
      store(r, createHmac('sha256', 'bench').update(receipt).digest('hex'), new Date().toISOString());
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ receipt }));
    });
  })
  .listen(port, '127.0.0.1', () => console.log('is running'));
