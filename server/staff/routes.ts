import type { PasswordHasher } from '../auth/passwords';
import type { AtomicWriter } from '../../db/atomic';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DialectKind } from '../../db/dialects';
import type { Database } from '../../db/schema';
import { inboxQuerySchema } from '../../shared/staff';
import type { ClientAssets } from '../../web/assets';
import { adminApiRoutes } from '../admin/api-routes';
import { adminPageRoutes } from '../admin/page-routes';
import { createAuditLog } from '../audit/log';
import { staffAccess } from '../auth/access';
import { authApiRoutes } from '../auth/api-routes';
import { authPageRoutes, renderLoginPage } from '../auth/page-routes';
import { createStaffRepo } from '../auth/repo';
import { createAuthService } from '../auth/service';
import { casesApiRoutes } from '../cases/api-routes';
import { createInboxExport } from '../cases/export';
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
import { createNoticeChoices } from '../notifications/recipients';
import type { Notifications } from '../notifications/service';
import { placeCodesOf } from '../reports/submission';
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
    ...(translation ? { translation } : {}),
    replySeal: createReplySeal(config.encryptionKey),
  });
  const exportCsv = createInboxExport({ inbox, audit, clock });
  const entry = createReportEntry({ reports, audit, office: config.office, evidence });
  const inboxQuery = inboxQuerySchema(placeCodesOf(config.office));
  const renderPage = createStaffPageRenderer({ assets, officeName: config.office.name.de });
  const renderLogin = renderLoginPage(config.staff, renderPage);
  const services = { cases, auth, statsSettings, audit, atomic, clock };

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
      exportCsv,
      inboxQuery,
      entry,
      renderPage,
      office: config.office,
      evidenceOf: evidence ? async (id) => (await evidence.filesOf(id)).map(rowView) : undefined,
    }),
  );
  app.route('/', casesApiRoutes({ cases, exportCsv, inboxQuery, entry }));
  app.route('/', evidenceStaffRoutes({ evidence, audit }));
  app.route('/', adminPageRoutes({ auth, audit, renderPage }));
  app.route('/', adminApiRoutes({ auth, audit }));
  app.route('/', notificationApiRoutes({ choices: createNoticeChoices(db, clock), notifications, audit }));
  app.route('/', statsPageRoutes({ stats, settings: statsSettings, audit, clock, office: config.office, renderPage }));
  app.route('/', statsApiRoutes({ stats, audit }));
  app.route('/', staffActionRoutes(STAFF_ACTIONS, services, renderPage));
  const errorResponse = (c: AppContext, error: AppError) => staffErrorResponse(c, error, { renderPage, renderLogin });
  app.onError((error, c) => {
    if (error instanceof AppError) return errorResponse(c, error);
    throw error;
  });
  const apiPaths = staffApiPaths({ actions: STAFF_ACTIONS, inboxQuery, entrySchema: entry.schema });
  return { app, auth, apiPaths, errorResponse };
}
