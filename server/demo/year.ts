import type { Kysely } from 'kysely';
import type { AtomicWriter } from '../../db/atomic';
import type { DialectKind } from '../../db/dialects';
import type { Database } from '../../db/schema';
import type { StaffRole } from '../../shared/staff';
import { createAuditLog } from '../audit/log';
import { authServiceFor } from '../auth/bootstrap';
import type { PasswordHasher } from '../auth/passwords';
import { createCasesRepo } from '../cases/repo';
import { createInboxRepo } from '../cases/inbox-repo';
import { createReportTextSearch } from '../cases/search';
import { createCasesService } from '../cases/service';
import { fixedClock, isoDay } from '../clock';
import type { Config } from '../config';
import { createSealer } from '../crypto/sealing';
import { hashReceiptCode, normaliseReceiptCode } from '../receipts/code';
import { createReceiptsService } from '../receipts/service';
import { FailureThrottle } from '../receipts/throttle';
import { createReportsRepo } from '../reports/repo';
import { createReportsService } from '../reports/service';
import { createStatsSettings } from '../stats/settings';
import { OFFICE_REPLIES, STORIES, type Story } from './stories';

const DAY_MS = 86_400_000;
/** Every demo text says so itself, also where the banner is not (an export, a printed page). */
export const DEMO_MARK = '(Demo)';

export interface DemoAccount {
  username: string;
  role: StaffRole;
  password: string;
}

export interface DemoYear {
  accounts: DemoAccount[];
  reports: number;
  /** A few receipt codes, so that the reporter's side can be tried too. */
  receipts: string[];
}

interface DemoDeps {
  db: Kysely<Database>;
  atomic: AtomicWriter;
  dialect: DialectKind;
  config: Pick<Config, 'office' | 'staff' | 'encryptionKey' | 'receiptSecret'>;
  passwords: PasswordHasher;
  /** The last day of the year to make (today). */
  until: Date;
  reports?: number;
  seed?: number;
}

const ACCOUNTS: { username: string; displayName: string; role: StaffRole }[] = [
  { username: 'demo-admin', displayName: 'Demo Admin', role: 'admin' },
  { username: 'demo-clara', displayName: 'Clara (Demo)', role: 'caseworker' },
  { username: 'demo-murat', displayName: 'Murat (Demo)', role: 'caseworker' },
  { username: 'demo-anna', displayName: 'Anna (Demo, Statistik)', role: 'analyst' },
];

/** A small deterministic generator: the same demo year on every machine. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A year of invented reports as an office would have them, made through the portal's own services (the
 * anonymiser, the receipts, case work, the audit log), in the order things happen: reports arriving over
 * the year in several languages, coded by caseworkers, answered, answered back, moved along and many closed;
 * recent ones still new. Demo staff accounts are ready to sign in (no one-time password to change).
 */
export async function generateDemoYear(deps: DemoDeps): Promise<DemoYear> {
  const { db, atomic, dialect, config } = deps;
  const rand = seeded(deps.seed ?? 2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const clock = fixedClock(new Date(deps.until.getTime() - 366 * DAY_MS).toISOString());

  const auth = authServiceFor(db, clock, config, deps.passwords);
  const accounts: DemoAccount[] = [];
  const ids = new Map<string, number>();
  for (const account of ACCOUNTS) {
    const created = await auth.createUser({ id: null, name: 'demo' }, account);
    await db.updateTable('staff_users').set({ must_change_password: 0 }).where('id', '=', created.id).execute();
    accounts.push({ username: account.username, role: account.role, password: created.password });
    ids.set(account.username, created.id);
  }
  const caseworkers = ['demo-clara', 'demo-murat'].map((name) => ({ id: ids.get(name)!, name }));

  const contactSealer = createSealer(config.encryptionKey, 'report-contact');
  const repo = createReportsRepo(db, atomic);
  // The demo year is made by the office itself: no flood limit applies to it.
  const reports = createReportsService({
    repo,
    clock,
    receiptSecret: config.receiptSecret,
    contactSealer,
    floodSoftLimit: Number.MAX_SAFE_INTEGER,
  });
  const throttle = new FailureThrottle({ perClient: 1000, windowMs: 60_000 }, clock);
  const search = createReportTextSearch(db, dialect);
  const receipts = createReceiptsService({
    repo,
    clock,
    receiptSecret: config.receiptSecret,
    throttle,
    purgeDeleted: () => search.purgeRemovedText(),
  });
  const cases = createCasesService({
    repo: createCasesRepo(db),
    atomic,
    inbox: createInboxRepo(db, search),
    search,
    audit: createAuditLog(db, clock),
    clock,
    contactSealer,
  });

  // Everything that happens in the year, as (time, action), done in the order of time.
  const events: { at: number; run: () => Promise<void> }[] = [];
  const places = config.office.municipalities.map((m) => m.code);
  const count = deps.reports ?? 320;
  const end = deps.until.getTime();
  const made: { receipt: string; id: number }[] = [];
  for (let i = 0; i < count; i++) {
    // Somewhat more reports in recent months, as an office that becomes known gets more.
    const daysAgo = Math.floor(365 * rand() ** 1.25);
    const received = end - daysAgo * DAY_MS - (8 + rand() * 9) * 3600_000;
    const story = pick(STORIES);
    const report = { receipt: '', id: 0 };
    events.push({ at: received, run: () => submit(story, received, report) });
    planCaseWork(story, received, daysAgo, report);
  }
  events.sort((a, b) => a.at - b.at);
  for (const event of events) {
    clock.set(new Date(event.at).toISOString());
    await event.run();
  }
  await createStatsSettings(db).setPublicPage(true, clock.now().toISOString());
  return { accounts, reports: made.length, receipts: made.slice(-3).map((m) => m.receipt) };

  async function submit(story: Story, at: number, report: { receipt: string; id: number }) {
    const day = new Date(at - Math.floor(rand() * 20) * DAY_MS);
    const online = story.online ?? rand() < 0.05;
    const { receipt } = await reports.submit(
      {
        locale: story.locale,
        channel: rand() < 0.3 ? 'assistant' : 'form',
        reporterRole: story.reporterRole,
        description: `${DEMO_MARK} ${story.description}`,
        incidentForms: story.incidentForms,
        grounds: story.grounds,
        racismForms: story.racismForms ?? [],
        lifeDomain: rand() < 0.9 ? story.lifeDomain : null,
        place: { municipality: online && rand() < 0.5 ? null : pick(places), online },
        when:
          rand() < 0.6
            ? { precision: 'day', date: isoDay(day) }
            : { precision: 'month', year: day.getUTCFullYear(), month: day.getUTCMonth() + 1 },
        ongoing: rand() < 0.1,
        witnesses: pick(['yes', 'no', 'unsure', null] as const),
        consequences: story.consequences ? `${DEMO_MARK} ${story.consequences}` : '',
        supportWanted: false,
        contact: null,
        noticeEmail: null,
        inferredCodes: [],
        consent: true,
      },
      { verified: true },
    );
    const row = await repo.findByReceiptHash(hashReceiptCode(normaliseReceiptCode(receipt)!, config.receiptSecret));
    Object.assign(report, { receipt, id: row!.id });
    made.push(report);
  }

  /** What the office does with a report, by how long ago it came: the older, the further along. */
  function planCaseWork(story: Story, received: number, daysAgo: number, report: { receipt: string; id: number }) {
    const worker = pick(caseworkers);
    const later = (days: number) => Math.min(received + days * DAY_MS + rand() * 6 * 3600_000, end - 60_000);
    if (daysAgo < 2 || (daysAgo < 8 && rand() < 0.5)) return; // still new in the inbox
    if (rand() < 0.04) {
      events.push({
        at: later(1),
        run: () => cases.changeStatus(worker, report.id, 'rejected', rand() < 0.5 ? 'out_of_scope' : 'spam'),
      });
      return;
    }
    events.push({
      at: later(1 + rand() * 4),
      run: async () => {
        await cases.view(worker, report.id);
        await cases.assign(worker, report.id, worker.id);
        await cases.changeStatus(worker, report.id, 'in_review');
        await cases.code(worker, report.id, {
          grounds: story.grounds,
          racismForms: story.racismForms ?? [],
          incidentForms: story.incidentForms,
          lifeDomain: story.lifeDomain,
          reporterRole: story.reporterRole,
        });
        if (rand() < 0.06) await cases.setUrgent(worker, report.id, true);
      },
    });
    if (rand() < 0.7)
      events.push({
        at: later(3 + rand() * 3),
        run: () => cases.reply(worker, report.id, { body: pick(OFFICE_REPLIES) }),
      });
    if (story.answer && rand() < 0.6)
      events.push({
        at: later(8 + rand() * 5),
        run: () => receipts.addMessage(report.receipt, 'demo', story.answer!, story.locale),
      });
    if (rand() < 0.3)
      events.push({
        at: later(9),
        run: () =>
          cases.addNote(worker, report.id, `${DEMO_MARK} Mit der Beratungsstelle gesprochen, Rückruf vereinbart.`),
      });
    if (daysAgo > 30) {
      const next = rand() < 0.25 ? 'referred' : 'in_progress';
      events.push({ at: later(14), run: () => cases.changeStatus(worker, report.id, next) });
      if (daysAgo > 60 && rand() < 0.7)
        events.push({ at: later(40 + rand() * 20), run: () => cases.changeStatus(worker, report.id, 'closed') });
    }
  }
}
