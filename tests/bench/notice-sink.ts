/**
 * The mail server and the webhook receiver of `bench:notify`, in a process of their own, so that their work
 * does not slow the load generator. Prints `{"smtpPort","hookUrl"}` when listening, and the counts on SIGTERM.
 * Argument: `up` (default), `slow` (two seconds per mail) or `down` (a port where nothing listens).
 */
import { TestHttpReceiver, TestSmtpServer } from '../helpers/notice-receivers';

const mode = process.argv[2] ?? 'up';
const smtp = await new TestSmtpServer().start();
const hook = await new TestHttpReceiver().start();
if (mode === 'slow') smtp.delayMs = 2_000;
if (mode === 'down') await smtp.stop();
console.log(JSON.stringify({ smtpPort: smtp.port, hookUrl: hook.url }));
process.on('SIGTERM', () => {
  console.log(JSON.stringify({ mails: smtp.mails.length, calls: hook.calls.length }));
  process.exit(0);
});
