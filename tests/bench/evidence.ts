/**
 * `npm run bench:evidence`: what cleaning evidence costs.
 *
 * 1. Time and memory to clean a 10 MB phone photo (12 megapixels of camera noise, EXIF with GPS and a turned
 *    orientation) with the Node sanitiser (sharp), in this process: median and slowest of --runs (default 5),
 *    and the growth of the resident set over the run.
 * 2. 20 (--concurrent) reporters sending a report with that photo at the same moment to the real Node server
 *    over SQLite (and PostgreSQL when TEST_POSTGRES_URL is set): each uploads the photo, asks for the review and
 *    sends; counted afterwards are the reports and files stored. None may be lost.
 *
 * Loopback only; figures printed, never asserted.
 */
import sharp from 'sharp';
import { createSharpSanitiser } from '../../server/evidence/sharp-sanitiser';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/dialects';
import { createPostgresDatabase, type Backend } from '../helpers/backends';
import { hiddenFields } from '../helpers/html';
import { startServerProcess } from '../helpers/process';
import { postForm } from '../helpers/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 5);
const concurrent = arg('concurrent', 20);
const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/** A photo as a phone takes it: 4000 × 3000, noisy (so it stays large), with GPS, a device and a turned orientation. */
async function phonePhoto(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    // Noise over a gradient: a picture a JPEG encoder cannot make small.
    raw[i] = ((i / 3) % width) / 16 + (seed >> 26);
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Make: 'Bench', Model: 'Phone-Model-Secret', Orientation: '6' },
      IFD2: { DateTimeOriginal: '2026:10:12 18:44:01' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '50/1 46/1 3108/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '6/1 5/1 204/100',
      },
    })
    .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
    .toBuffer();
}

async function cleaningFigures(photo: Buffer) {
  const sanitiser = createSharpSanitiser({ maxPdfPages: 20 });
  const times: number[] = [];
  let peak = process.memoryUsage().rss;
  const before = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  let out = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const clean = await sanitiser.clean(new Uint8Array(photo));
    times.push(performance.now() - start);
    out = clean.bytes.length;
  }
  clearInterval(sampler);
  await sanitiser.close();
  times.sort((a, b) => a - b);
  console.log(`Cleaning one phone photo of ${mb(photo.length)} MB (4000 × 3000, EXIF with GPS), ${runs} runs, sharp:`);
  console.log(`  median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms`);
  console.log(
    `  cleaned file ${mb(out)} MB; resident memory ${mb(before)} MB before, peak ${mb(peak)} MB (+${mb(peak - before)} MB)`,
  );
}

/** One reporter: upload, review, send. Returns the status of the send and how long the three steps took. */
async function oneReporter(url: string, photo: Buffer, n: number): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  const page = await fetch(`${url}/de/report`).then((r) => r.text());
  const sendToken = hiddenFields(page, 'report-form').find(([name]) => name === 'sendToken')![1];
  const form = new FormData();
  form.append('evidence', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `IMG_${n}.jpg`);
  const staged = await fetch(`${url}/api/evidence`, { method: 'POST', body: form });
  if (staged.status !== 201) return { status: staged.status, ms: performance.now() - start };
  const { token } = (await staged.json()) as { token: string };
  const review = await postForm(`${url}/de/report/review`, [
    ['description', `Die Wohnungsanzeige Nummer ${n} sagt: keine Ausländer. Das Foto zeigt sie.`],
    ['municipality', 'stolberg'],
    ['lifeDomain', 'authorities'],
    ['sendToken', sendToken],
    ['evidenceToken', token],
  ]);
  if (review.status !== 200) return { status: review.status, ms: performance.now() - start };
  const sent = await postForm(`${url}/de/report/send`, [
    ...hiddenFields(review.html, 'review-form'),
    ['consent', 'on'],
  ]);
  return { status: sent.status, ms: performance.now() - start };
}

/** The server's own process: its resident memory now and at its peak (VmHWM), from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function concurrentFigures(backend: Backend, photo: Buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-bench-evidence-'));
  const pg = backend === 'postgres' ? await createPostgresDatabase() : undefined;
  const server = await startServerProcess({ DATA_DIR: dir, ...(pg ? { DATABASE_URL: pg.url } : {}) });
  try {
    const idle = memoryOf(server.child.pid!);
    const start = performance.now();
    const results = await Promise.all(Array.from({ length: concurrent }, (_, n) => oneReporter(server.url, photo, n)));
    const total = performance.now() - start;
    const after = memoryOf(server.child.pid!);
    await server.stop();
    const database = openDatabase(pg ? pg.url : `sqlite:${path.join(dir, 'meldestelle.sqlite')}`);
    const count = async (table: 'reports' | 'report_evidence') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [reports, files] = [await count('reports'), await count('report_evidence')];
    await database.close();
    const ms = results.map((r) => r.ms).sort((a, b) => a - b);
    const statuses = results.reduce<Record<number, number>>(
      (all, r) => ({ ...all, [r.status]: (all[r.status] ?? 0) + 1 }),
      {},
    );
    console.log(
      `${concurrent} reporters at once, each a ${mb(photo.length)} MB photo, upload → review → send, Node over ${backend}:`,
    );
    console.log(
      `  answers to the send: ${JSON.stringify(statuses)}; stored: ${reports} reports, ${files} files (lost: ${concurrent - reports})`,
    );
    console.log(
      `  all done in ${(total / 1000).toFixed(1)} s; per reporter median ${(ms[Math.floor(ms.length / 2)]! / 1000).toFixed(1)} s, slowest ${(ms.at(-1)! / 1000).toFixed(1)} s`,
    );
    console.log(`  the server's resident memory: ${mb(idle.rss)} MB idle, peak ${mb(after.peak)} MB`);
  } finally {
    await server.stop('SIGKILL');
    await pg?.drop();
  }
}

const photo = await phonePhoto();
await cleaningFigures(photo);
for (const backend of ['sqlite', ...(process.env.TEST_POSTGRES_URL ? (['postgres'] as const) : [])] as Backend[])
  await concurrentFigures(backend, photo);
