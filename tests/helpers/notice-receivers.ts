import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { REPO_ROOT } from './process';

const TLS_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'tls');
/** The CA file the app trusts for the test SMTP server (a self-signed certificate for 127.0.0.1). */
export const TEST_CA_FILE = path.join(TLS_DIR, 'localhost.crt');
export const SMTP_USER = 'meldestelle';
export const SMTP_PASSWORD = 'a mail relay password';

export interface ReceivedMail {
  /** The message as it came over the wire, every header and encoded part. */
  raw: string;
  to: string;
  subject: string;
  /** The decoded text part. */
  text: string;
  messageId: string;
  autoSubmitted: string | undefined;
  /** Whether the session had switched to TLS (STARTTLS) before the mail. */
  secure: boolean;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package): STARTTLS with the fixture certificate, login
 * required and refused before TLS, every mail kept raw and parsed. `stop()` and `start()` again on the
 * same port stand for a mail server that goes down and comes back. A recipient starting with "nobody@" is
 * refused for good (550), as a mail server refuses an unknown mailbox.
 */
export class TestSmtpServer {
  readonly mails: ReceivedMail[] = [];
  /** How long the server takes to accept each mail: a slow mail server. */
  delayMs = 0;
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      key: fs.readFileSync(path.join(TLS_DIR, 'localhost.key')),
      cert: fs.readFileSync(path.join(TLS_DIR, 'localhost.crt')),
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onRcptTo: (address, _session, callback) => {
        if (address.address.startsWith('nobody@'))
          callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then(
            (parsed) => {
              this.mails.push({
                raw,
                to: session.envelope.rcptTo.map((r) => r.address).join(','),
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                messageId: parsed.messageId ?? '',
                autoSubmitted: parsed.headers.get('auto-submitted') as string | undefined,
                secure: session.secure,
              });
              setTimeout(() => callback(), this.delayMs);
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    // A client that vanishes mid-session (a portal killed at the end of a benchmark) is no failure of the test.
    server.on('error', () => undefined);
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The settings that point the app at this server. */
  env(): Record<string, string> {
    return {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(this.port),
      SMTP_TLS: 'starttls',
      SMTP_CA_FILE: TEST_CA_FILE,
      SMTP_USER,
      SMTP_PASSWORD,
      MAIL_FROM: 'meldestelle@office.example',
    };
  }
}

export interface ReceivedCall {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP server that takes calls (a webhook, a JSON mail API) and answers with the status of `answer`
 * (200 unless a test says otherwise), keeping each call as it came.
 */
export class TestHttpReceiver {
  readonly calls: ReceivedCall[] = [];
  answer: (call: ReceivedCall) => number = () => 200;
  private server: http.Server | undefined;
  url = '';

  async start(): Promise<this> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const call = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        const status = this.answer(call);
        if (status < 300) this.calls.push(call);
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `${this.calls.length}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Waits until `done()` holds (delivery runs right after a notice is queued, but on its own time). */
export async function eventually(
  done: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
