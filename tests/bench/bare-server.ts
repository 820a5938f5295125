/**
 * The baseline for `bench:submit`: node:http and better-sqlite3 storing the same row as the portal, with
 * nothing else (no validation, no anonymiser, no framework). Started by submit.ts, not meant to be used.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import http from 'node:http';

const [file, port] = [process.argv[2]!, Number(process.argv[3])];
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table if not exists reports (id integer primary key autoincrement, receipt_hash text not null unique,
  status text not null default 'new', channel text not null, locale text not null, description text not null,
  consequences text not null default '', municipality text, online integer not null default 0, when_precision text not null,
  when_value text, ongoing integer not null default 0, witnesses text, support_wanted integer not null default 0,
  received_on text not null, updated_at text not null)`);
const insert = db.prepare(`insert into reports (receipt_hash, channel, locale, description, municipality, when_precision, when_value, received_on, updated_at)
  values (?, 'form', ?, ?, ?, ?, ?, ?, ?)`);

http
  .createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const r = JSON.parse(body);
      const now = new Date().toISOString();
      const receipt = randomBytes(10).toString('hex');
      insert.run(receipt, r.locale, r.description, r.place.municipality, r.when.precision, `${r.when.year}-${r.when.month}`, now.slice(0, 10), now);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ receipt }));
    });
  })
  .listen(port, '127.0.0.1', () => console.log('is running'));
