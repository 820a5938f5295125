/**
 * Clients that keep a server busy until stopped, in a process of their own so that they take nothing from the
 * server's event loop: half send reports as reporters do (a write each, through the anonymiser), half filter
 * and search the inbox as caseworkers do. Each waits for its answer before its next request. Started by
 * `npm run bench:inbox -- --load N`; prints how many requests were answered when it gets SIGTERM.
 */
import { validReport } from '../helpers/server';

const { LOAD_URL: url, LOAD_COOKIE: cookie, LOAD_CLIENTS, LOAD_PATHS } = process.env;
const paths: string[] = JSON.parse(LOAD_PATHS ?? '[]');
let running = true;
let answered = 0;
process.on('SIGTERM', () => {
  running = false;
});

const loops = Array.from({ length: Number(LOAD_CLIENTS ?? 2) }, async (_, i) => {
  for (let n = i; running; n++) {
    const res =
      i % 2 === 0
        ? await fetch(`${url}/api/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(validReport()),
          })
        : await fetch(`${url}${paths[n % paths.length]}`, { headers: { cookie: cookie! } });
    await res.arrayBuffer();
    answered++;
  }
});
await Promise.all(loops);
console.log(JSON.stringify({ answered }));
