import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { isLocale } from '../shared/locales';
import type { AtomicWriter } from '../db/atomic';
import type { DialectKind } from '../db/dialects';
import type { Database } from '../db/schema';
import { translatorFor } from '../shared/i18n/catalog';
import type { ClientAssets } from '../web/assets';
import { assistantApiRoutes, assistantPageRoutes } from './assistant/routes';
import type { LlmClient } from './assistant/llm';
import type { PromptStore } from './assistant/prompts';
import type { PasswordHasher } from './auth/passwords';
import { createAssistantService } from './assistant/service';
import type { Clock } from './clock';
import type { Config } from './config';
import type { AppContext, AppEnv } from './http/env';
import { bodySizeLimit } from './http/body-size';
import { AppError } from './http/errors';
import { formBodies } from './http/form-body';
import { sameOriginWrites } from './http/origin';
import { negotiateLocale } from './http/locale';
import { createPageRenderer } from './http/pages';
import { requestLog, type Logger } from './http/request-log';
import { securityHeaders } from './http/security';
import type { Notifications } from './notifications/service';
import { openApiDocument } from './openapi';
import { receiptApiRoutes } from './receipts/api-routes';
import { receiptPageRoutes } from './receipts/page-routes';
import { createReceiptsService } from './receipts/service';
import { FailureThrottle } from './receipts/throttle';
import { reportApiRoutes } from './reports/api-routes';
import { reportFormRoutes } from './reports/form-routes';
import { createReportsRepo } from './reports/repo';
import { createReportsService } from './reports/service';
import { officeSchemas } from './reports/submission';
import { createOfficeSettings } from './office/settings';
import { sitePageRoutes } from './site/page-routes';
import { createSealer } from './crypto/sealing';
import { createReportTextSearch } from './cases/search';
import { evidenceApiRoutes, UPLOAD_PATHS } from './evidence/api-routes';
import { createEvidenceRepo } from './evidence/repo';
import type { Sanitiser } from './evidence/sanitiser';
import { createEvidenceService } from './evidence/service';
import { uploadBodyBytes } from './evidence/settings';
import type { BlobStore } from './evidence/stores/store';
import { guardUploads, queueUploadBodies } from './evidence/upload-guard';
import { staffRoutes } from './staff/routes';
import { createStatsAggregates } from './stats/aggregates';
import { publicStatisticsRoutes } from './stats/page-routes';
import { createStatsService } from './stats/service';
import { createStatsSettings } from './stats/settings';
import { limitKeyOf } from './intake/client-address';
import { createIntakeGuard } from './intake/guard';
import { createProofOfWork } from './intake/proof-of-work';
import type { Translation } from './translation/service';

export interface AppDeps {
  db: Kysely<Database>;
  /** Several writes as one, on every dialect (a transaction, or a batch on D1). */
  atomic: AtomicWriter;
  /** Which SQL the database speaks: full-text search differs. */
  dialect: DialectKind;
  clock: Clock;
  config: Pick<
    Config,
    | 'office'
    | 'receiptSecret'
    | 'publicBaseUrl'
    | 'logRequests'
    | 'encryptionKey'
    | 'staff'
    | 'stats'
    | 'intake'
    | 'retention'
    | 'evidence'
  >;
  assets: ClientAssets;
  log: Logger;
  /** The model behind the assistant; null when the office switched it off (the scripted interview runs). */
  llm: LlmClient | null;
  /** argon2id for staff passwords: native on Node, portable JavaScript on Workers. */
  passwords: PasswordHasher;
  prompts: PromptStore;
  /**
   * The client's address, for per-client limits (Node: the socket's peer or, behind a trusted proxy, the first
   * untrusted X-Forwarded-For hop; Workers: Cloudflare's). Only ever hashed in memory with a rotating key,
   * never stored or logged; IPv6 addresses count by their /64.
   */
  clientKey: (c: AppContext) => string;
  /**
   * Compresses what may be compressed: the static bundle and public pages fetched with GET. Answers to
   * posts are never compressed: they can hold a receipt code beside text the request put there, and
   * compressing those together would let an observer of sizes guess the code (BREACH). Node passes one;
   * on Workers, Cloudflare compresses by itself.
   */
  compress?: MiddlewareHandler;
  /** Serves the built client's files; the Node entry passes one, Workers serve them as static assets. */
  serveAssets?: Parameters<Hono['use']>[1];
  /** Machine translation of reports and messages, queued and worked off beside the app (server/translation/). */
  translation: Translation;
  /** Notices to staff that something happened (server/notifications/); null when none are set up. */
  notifications?: Notifications | null;
  /** A demo portal over invented reports (`npm run demo`): a banner on every public page. */
  demo?: boolean;
  /**
   * Where evidence files are kept and how uploads are cleaned (server/evidence/): Node passes a folder or the
   * database and sharp, Workers R2 and the JavaScript decoders. None: no file can be kept here.
   */
  evidence?: { store: BlobStore; sanitiser: Sanitiser } | null;
}

/** Posts with files read at once, in bytes (server/evidence/upload-guard.ts): a few reporters' photos. */
const UPLOAD_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

/** Room for a full description in any script plus the form's other fields; a larger body is refused unread. */
const MAX_BODY_BYTES = 256 * 1024;

export function createApp(deps: AppDeps) {
  const { db, clock, config, llm, prompts } = deps;
  const clientKey = (c: AppContext) => limitKeyOf(deps.clientKey(c));
  const repo = createReportsRepo(db, deps.atomic);
  const throttle = new FailureThrottle({ perClient: 10, windowMs: 15 * 60_000 }, clock);
  const intake = createIntakeGuard({
    proofOfWork: createProofOfWork({ secret: config.receiptSecret, difficulty: config.intake.proofOfWorkDifficulty }),
    settings: config.intake,
    clock,
    clientKey,
  });
  const contactSealer = createSealer(config.encryptionKey, 'report-contact');
  const notify = deps.notifications?.notify;
  // Files of reports are read and deleted wherever a store exists; new ones are taken only while the office
  // takes files (config.evidence).
  const evidence = deps.evidence
    ? createEvidenceService({
        ...deps.evidence,
        repo: createEvidenceRepo(db),
        atomic: deps.atomic,
        clock,
        encryptionKey: config.encryptionKey,
        // Without uploads, files of earlier reports are still read and deleted; none is taken.
        limits: config.evidence ?? { maxFiles: 0, maxFileBytes: 0, maxTotalBytes: 0 },
      })
    : null;
  const uploads = config.evidence ? evidence : null;
  const search = createReportTextSearch(db, deps.dialect);
  /** After rows are deleted: their files' bytes go, then the one purge of deleted text (server/cases/search.ts). */
  const purgeDeleted = async (evidenceIds: string[]) => {
    if (evidenceIds.length) await evidence?.forget(evidenceIds);
    await search.purgeRemovedText();
  };
  const reports = createReportsService({
    repo,
    clock,
    receiptSecret: config.receiptSecret,
    contactSealer,
    notify,
    floodSoftLimit: config.intake.floodSoftLimit,
    translation: deps.translation,
  });
  const receipts = createReceiptsService({
    repo,
    clock,
    receiptSecret: config.receiptSecret,
    throttle,
    notify,
    purgeDeleted,
    translation: deps.translation,
  });
  // The office file and the environment are the start; what admins save in the back office replaces them.
  const officeSettings = createOfficeSettings({
    db,
    initial: { office: config.office, retentionMonths: config.retention.months, statsMinCount: config.stats.minCount },
  });
  const schemas = officeSchemas();
  const assistant = createAssistantService({ llm, prompts, clock });
  const renderPage = createPageRenderer({
    assets: deps.assets,
    demo: deps.demo,
    reporterNotices: Boolean(deps.notifications?.reachesReporters),
  });
  const stats = createStatsService({
    aggregates: createStatsAggregates(db, deps.atomic),
    settings: async () => {
      const { office, statsMinCount } = await officeSettings.current();
      return { placeCodes: office.municipalities.map((m) => m.code), minCount: statsMinCount };
    },
    clock,
  });
  const statsSettings = createStatsSettings(db);
  const staff = staffRoutes({
    ...deps,
    clientKey,
    contactSealer,
    stats,
    statsSettings,
    reports,
    officeSettings,
    evidence,
  });
  const openapi = openApiDocument(schemas(config.office).submission, config.publicBaseUrl, staff.apiPaths);

  const app = new Hono<AppEnv>({ strict: false });
  if (config.logRequests) app.use('*', requestLog(deps.log));
  app.use('*', securityHeaders({ https: config.publicBaseUrl.startsWith('https://') }));
  app.use('*', async (c, next) => {
    c.set('officeSettings', await officeSettings.current());
    await next();
  });
  if (deps.serveAssets) {
    if (deps.compress) app.use('/assets/*', deps.compress);
    app.use('/assets/*', deps.serveAssets);
  }

  app.use('/api/*', async (c, next) => {
    c.set('locale', negotiateLocale(c.req.header('accept-language')));
    c.set('t', translatorFor(c.var.locale));
    await next();
  });
  // Posts that carry files may weigh what the evidence limits allow; every other body stays small.
  const uploadBytes = uploads && config.evidence ? uploadBodyBytes(config.evidence) : MAX_BODY_BYTES;
  app.use(
    '*',
    bodySizeLimit((c) =>
      UPLOAD_PATHS.test(c.req.path)
        ? { maxBytes: uploadBytes, key: 'evidence.errors.request_too_big' }
        : { maxBytes: MAX_BODY_BYTES, key: 'errors.payload_too_large' },
    ),
  );
  app.use('*', sameOriginWrites(config.publicBaseUrl));
  const uploadBodies = queueUploadBodies({ maxBytes: UPLOAD_BYTES_IN_FLIGHT, largestPost: uploadBytes });
  app.use('*', (c, next) => (UPLOAD_PATHS.test(c.req.path) ? uploadBodies(c, next) : next()));
  app.use('*', formBodies());
  const uploadGuard = guardUploads(intake.uploads());
  app.use('/api/evidence', uploadGuard);

  app.get('/healthz', async (c) => {
    await db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .limit(1)
      .execute();
    return c.json({ status: 'ok' });
  });
  app.get('/api/openapi.json', (c) => c.json(openapi));
  // Before the public API's catch-alls: /api/staff is the back office's, with its own access check.
  app.route('/', staff.app);
  app.route('/api', intake.routes());
  app.use('/api/reports', intake.guard('report'));
  app.use('/api/receipt/messages', intake.guard('message'));
  app.use('/api/assistant/turn', intake.guard('conversation'));
  app.route('/api', reportApiRoutes({ reports, schemas }));
  app.route('/api', receiptApiRoutes({ receipts, clientKey }));
  app.route('/api', assistantApiRoutes({ assistant, log: deps.log }));
  app.route('/api', evidenceApiRoutes({ evidence: uploads }));

  app.get('/', (c) => {
    c.header('Vary', 'Accept-Language');
    return c.redirect(`/${negotiateLocale(c.req.header('accept-language'))}/`, 302);
  });

  const site = new Hono<AppEnv>();
  // Public pages fetched with GET hold nothing secret and reflect nothing typed, so they may be compressed;
  // answers to posts (a review, a receipt) are not (see AppDeps.compress).
  const compressPage = deps.compress;
  if (compressPage) site.use('*', (c, next) => (c.req.method === 'GET' ? compressPage(c, next) : next()));
  site.use('*', async (c, next) => {
    const locale = c.req.param('locale');
    if (!isLocale(locale)) return c.notFound();
    c.set('locale', locale);
    c.set('t', translatorFor(locale));
    await next();
  });
  site.use('/report/send', intake.guard('report'));
  site.use('/receipt/messages', intake.guard('message'));
  for (const path of ['/report/review', '/report/edit', '/report/send', '/receipt/messages'])
    site.use(path, uploadGuard);
  site.route('/', sitePageRoutes({ renderPage }));
  site.route('/', publicStatisticsRoutes({ stats, settings: statsSettings, renderPage }));
  site.route(
    '/',
    reportFormRoutes({
      reports,
      schemas,
      renderPage,
      publicBaseUrl: config.publicBaseUrl,
      evidence: uploads,
    }),
  );
  site.route('/', assistantPageRoutes({ assistant, renderPage, evidence: uploads }));
  site.route('/', receiptPageRoutes({ receipts, clientKey, renderPage, evidence: uploads }));
  // Only language tags can be the first path segment of a page, so /api/... never reaches the pages.
  app.route('/:locale{[a-z]{2}(?:-LS)?}', site);

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/') || !c.var.locale) return errorResponse(c, new AppError(404, 'errors.not_found'));
    return renderPage(
      c,
      'message',
      { titleKey: 'errors.page_title', bodyKey: 'errors.not_found' },
      { titleKey: 'errors.page_title', switchPath: '/', status: 404 },
    );
  });

  app.onError((error, c) => {
    // Refused before a staff route ran (a malformed form, a foreign origin): answered as the back office would.
    if (error instanceof AppError && /^\/(api\/)?staff(\/|$)/.test(c.req.path)) return staff.errorResponse(c, error);
    if (error instanceof AppError) return errorResponse(c, error);
    // The error's message, not the request: nothing a reporter wrote may reach the log.
    deps.log({
      level: 'error',
      route: c.req.path.startsWith('/api/') ? c.req.path : 'page',
      error: error.name,
      message: error.message.slice(0, 200),
    });
    return errorResponse(c, new AppError(503, 'errors.internal'), 500);
  });

  return app;

  function errorResponse(c: Context<AppEnv>, error: AppError, status: number = error.status) {
    // A page's language is its path's (/ar/…), also for what is refused before the page's routes run (a body
    // too large); elsewhere the browser's.
    const pathLocale = c.req.path.split('/')[1];
    if (!c.var.locale)
      c.set('locale', isLocale(pathLocale) ? pathLocale : negotiateLocale(c.req.header('accept-language')));
    const t = translatorFor(c.var.locale);
    if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
    // The refused body was never read: the connection cannot carry another request after it.
    if (error.status === 413) c.header('Connection', 'close');
    const wantsJson = c.req.path.startsWith('/api/') || c.req.path === '/healthz';
    if (wantsJson) {
      const fields = Object.fromEntries(Object.entries(error.fields).map(([f, key]) => [f, t(key as never)]));
      return c.json(
        {
          error: { code: error.key, message: t(error.key as never), ...(Object.keys(fields).length ? { fields } : {}) },
        },
        status as 400,
      );
    }
    c.set('t', t);
    return renderPage(
      c as AppContext,
      'message',
      { titleKey: 'errors.page_title', bodyKey: error.key as never },
      {
        titleKey: 'errors.page_title',
        switchPath: '/',
        status: status as 404,
      },
    );
  }
}
export type App = ReturnType<typeof createApp>;
