import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { normaliseReceiptCode } from '../../server/receipts/code';
import { validReport } from '../helpers/server';

export interface LoadResult {
  acknowledged: string[];
  failed: number;
}

/**
 * `count` reporters sending reports one after another for `seconds`, each to the next of `urls` in turn.
 * A report counts as acknowledged only when the server answered 201 with a receipt; anything else
 * (refused connection while a server is down, 5xx) is a failure the reporter would see and retry.
 */
export async function runReporters(urls: () => string[], count: number, seconds: number): Promise<LoadResult> {
  const acknowledged: string[] = [];
  let failed = 0;
  const deadline = Date.now() + seconds * 1000;
  let turn = 0;
  const reporter = async (id: number) => {
    for (let n = 0; Date.now() < deadline; n++) {
      const targets = urls();
      const url = targets[turn++ % targets.length]!;
      try {
        const res = await fetch(`${url}/api/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(validReport({ description: `Bericht ${id}-${n}: im Bus beleidigt worden.` })),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await res.json().catch(() => ({}))) as { receipt?: string };
        if (res.status === 201 && body.receipt) acknowledged.push(body.receipt);
        else failed++;
      } catch {
        failed++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: count }, (_, i) => reporter(i)));
  return { acknowledged, failed };
}

/** How many of the acknowledged receipts are stored, found by their keyed hash as the server stores it. */
export async function countStored(db: Kysely<Database>, receipts: string[], secret: string): Promise<number> {
  let found = 0;
  for (let i = 0; i < receipts.length; i += 500) {
    const hashes = receipts.slice(i, i + 500).map((r) =>
      createHmac('sha256', secret)
        .update(`receipt:${normaliseReceiptCode(r)}`)
        .digest('hex'),
    );
    const row = await db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('receipt_hash', 'in', hashes)
      .executeTakeFirstOrThrow();
    found += Number(row.n);
  }
  return found;
}
