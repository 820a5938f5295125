import type { PasswordHasher } from '../auth/passwords';
import type { AtomicWriter } from '../../db/atomic';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DialectKind } from '../../db/dialects';
import type { Database } from '../../db/schema';
import type { ClientAssets } from '../../web/assets';
import { adminApiRoutes } from '../admin/api-routes';
import { adminPageRoutes } from '../admin/page-routes';
import { createAuditLog } from '../audit/log';
import { staffAccess } from '../auth/access';
import { authApiRoutes } from '../auth/api-routes';
import { authPageRoutes, renderLoginPage } from '../auth/page-routes';
import { createStaffRepo } from '../auth/repo';
import { createAuthService } from '../auth/service';
import { casesApiRoutes, inboxQueries } from '../cases/api-routes';
import { createInboxExport } from '../cases/export';
import { createFlaggedWork } from '../cases/flagged';
import { createFlaggedRepo } from '../cases/flagged-repo';
import { createInboxRepo } from '../cases/inbox-repo';
import { casesPageRoutes } from '../cases/page-routes';
import { createReportEntry } from '../cases/entry';
import type { EvidenceService } from '../evidence/service';
import { evidenceStaffRoutes, rowView } from '../evidence/staff-routes';
import type { ReportsService } from '../reports/service';
import { createCasesRepo } from '../cases/repo';
import { createReportTextSearch } from '../cases/search';
import { createCasesService } from '../cases/service';
import { notificationApiRoutes } from '../notifications/api-routes';
import { officeSettingsRoutes } from '../office/settings-routes';
import type { OfficeSettingsStore } from '../office/settings';
import { notificationPageRoutes } from '../notifications/page-routes';
import { createNoticeChoices } from '../notifications/recipients';
import type { Notifications } from '../notifications/service';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Sealer } from '../crypto/sealing';
import { createSealer } from '../crypto/sealing';
import type { AppContext, AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { statsApiRoutes } from '../stats/api-routes';
import { statsPageRoutes } from '../stats/page-routes';
import type { StatsService } from '../stats/service';
import type { StatsSettings } from '../stats/settings';
import { staffActionRoutes } from './action';
import { STAFF_ACTIONS } from './actions';
import { staffErrorResponse } from './errors';
import { createReplySeal } from '../translation/reply-seal';
import type { Translation } from '../translation/service';
import { staffApiPaths } from './openapi';
import { staffLocale } from './locale';
import { createStaffPageRenderer } from './pages';

export interface StaffDeps {
  db: Kysely<Database>;
  atomic: AtomicWriter;
  dialect: DialectKind;
  clock: Clock;
  config: Pick<Config, 'office' | 'staff' | 'encryptionKey'>;
  assets: ClientAssets;
  contactSealer: Sealer;
  passwords: PasswordHasher;
  stats: StatsService;
  statsSettings: StatsSettings;
  reports: ReportsService;
  notifications?: Notifications | null;
  /** A demo portal over invented reports (`npm run demo`): a banner on every staff page. */
  demo?: boolean | undefined;
  /** The office's settings as admins set them (server/office/settings.ts). */
  officeSettings: OfficeSettingsStore;
  /** Machine translation both ways; the back office shows what waits and offers "translate now". */
  translation?: Translation;
  /** The caller's address for the per-client login limit: only ever hashed in memory. */
  clientKey: (c: AppContext) => string;
  /** Files of reports (null where no store is set up). */
  evidence?: EvidenceService | null;
}

/**
 * The back office: pages under /staff, JSON under /api/staff. Every route passes the one access middleware
 * (session, role, CSRF, finished setup) before anything else runs.
 */
export function staffRoutes({
  db,
  atomic,
  dialect,
  clock,
  config,
  assets,
  contactSealer,
  stats,
  statsSettings,
  reports,
  passwords,
  notifications = null,
  officeSettings,
  demo,
  translation,
  clientKey,
  evidence = null,
}: StaffDeps) {
  const audit = createAuditLog(db, clock);
  const auth = createAuthService({
    repo: createStaffRepo(db),
    audit,
    clock,
    config: config.staff,
    totpSealer: createSealer(config.encryptionKey, 'totp-secret'),
    issuer: `Meldestelle ${config.office.region}`,
    encryptionKey: config.encryptionKey,
    passwords,
  });
  const search = createReportTextSearch(db, dialect);
  const inbox = createInboxRepo(db, search);
  const cases = createCasesService({
    repo: createCasesRepo(db),
    atomic,
    inbox,
    search,
    audit,
    clock,
    contactSealer,
    notify: notifications?.notify,
    notifyReporter: notifications?.notifyReporter,
    ...(translation ? { translation } : {}),
    replySeal: createReplySeal(config.encryptionKey),
  });
  const flagged = createFlaggedWork({ repo: createFlaggedRepo(db), atomic, audit, clock });
  const exportCsv = createInboxExport({ inbox, audit, clock });
  const entry = createReportEntry({ reports, audit, evidence });
  const inboxQuery = inboxQueries();
  const renderPage = createStaffPageRenderer({ assets, officeName: config.office.name.de, demo });
  const renderLogin = renderLoginPage(config.staff, renderPage);
  const notices = { choices: createNoticeChoices(db, clock), notifications };
  const services = { cases, flagged, auth, statsSettings, audit, atomic, clock, notices };

  const app = new Hono<AppEnv>();
  const guard = staffAccess(auth, config.staff.secureCookies);
  app.use('/staff/*', guard, staffLocale());
  app.use('/api/staff/*', guard, staffLocale());
  app.route('/', authPageRoutes({ auth, config: config.staff, renderPage, clientKey }));
  app.route('/', authApiRoutes({ auth, config: config.staff, clientKey }));
  app.route(
    '/',
    casesPageRoutes({
      cases,
      flagged,
      exportCsv,
      inboxQuery,
      entry,
      renderPage,
      evidenceOf: evidence ? async (id) => (await evidence.filesOf(id)).map(rowView) : undefined,
    }),
  );
  app.route('/', casesApiRoutes({ cases, exportCsv, inboxQuery, entry }));
  app.route('/', evidenceStaffRoutes({ evidence, audit }));
  app.route('/', adminPageRoutes({ auth, audit, renderPage }));
  app.route('/', adminApiRoutes({ auth, audit }));
  app.route('/', notificationPageRoutes({ view: notices, auth, renderPage }));
  app.route('/', notificationApiRoutes(notices));
  app.route('/', statsPageRoutes({ stats, settings: statsSettings, audit, clock, renderPage }));
  app.route('/', officeSettingsRoutes({ store: officeSettings, atomic, audit, clock, renderPage }));
  app.route('/', statsApiRoutes({ stats, audit }));
  app.route('/', staffActionRoutes(STAFF_ACTIONS, services, renderPage));
  const errorResponse = (c: AppContext, error: AppError) => staffErrorResponse(c, error, { renderPage, renderLogin });
  app.onError((error, c) => {
    if (error instanceof AppError) return errorResponse(c, error);
    throw error;
  });
  const apiPaths = staffApiPaths({
    actions: STAFF_ACTIONS,
    inboxQuery: inboxQuery(config.office),
    entrySchema: entry.schemaFor(config.office),
  });
  return { app, auth, apiPaths, errorResponse };
}
