import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AtomicWriter } from '../../db/atomic';
import type { StaffMessageKey } from '../../shared/i18n/staff/catalog';
import type { StaffRole } from '../../shared/staff';
import type { AuditLog } from '../audit/log';
import { actorOf, type AuthService, type StaffPrincipal } from '../auth/service';
import type { CasesService } from '../cases/service';
import type { Clock } from '../clock';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { positiveIdParam } from '../http/params';
import type { StatsSettings } from '../stats/settings';
import { parseStaffForm } from './forms';
import type { StaffPageRenderer } from './pages';

/** What an action may call: the back office's services, as the staff routes build them. */
export interface StaffServices {
  cases: CasesService;
  auth: AuthService;
  statsSettings: StatsSettings;
  audit: AuditLog;
  atomic: AtomicWriter;
  clock: Clock;
}

/** One call of an action: who, on what (the path's ids), with the services. */
export interface ActionCall {
  actor: { id: number; name: string };
  principal: StaffPrincipal;
  /** The path's numeric parameters, e.g. `{ id: 12, relatedId: 7 }`. */
  ids: Record<string, number>;
  services: StaffServices;
}

/** A staff page that shows the result itself, e.g. a one-time password that must not travel in a redirect. */
export type ResultPage<I, R> = (
  c: Context<AppEnv>,
  views: { renderPage: StaffPageRenderer; services: StaffServices },
  result: R,
  input: I,
) => Response | Promise<Response>;

/**
 * A change staff can make, declared once: its route, who may use it, what it takes, what it calls. The JSON
 * route under /api/staff, the page form's route under /staff, the access rule and the API document are all
 * made from this.
 */
export interface StaffAction<I = unknown, R = unknown> {
  /** What it does, for the API document. */
  summary: string;
  /** The JSON route's method. A page form always posts: to the same path, or for a DELETE to `…/delete`. */
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below /api/staff/ and /staff/; numeric parameters only: `reports/:id{[0-9]+}/status`. */
  path: string;
  roles: readonly StaffRole[];
  /** The body, the same for a form and for JSON; none when the path says everything. */
  input?: z.ZodType<I>;
  run(call: ActionCall, input: I): Promise<R>;
  /** The JSON answer; `created` answers 201. */
  answer(result: R, input: I): unknown;
  created?: true;
  /**
   * The page after the form: back to `back` with a notice (post/redirect/get), or a page of its own. A
   * refused change (409, 422) goes back to `back` with the error.
   */
  page: {
    back: (call: ActionCall) => string;
    notice?: (result: R, input: I) => StaffMessageKey;
    show?: ResultPage<I, R>;
  };
}

/** Keeps an action's input and result types together where it is declared. */
export function staffAction<I, R>(action: StaffAction<I, R>): StaffAction {
  return action as unknown as StaffAction;
}

export const apiPathOf = (action: StaffAction) => `/api/staff/${action.path}`;
export const pagePathOf = (action: StaffAction) =>
  `/staff/${action.path}${action.method === 'DELETE' ? '/delete' : ''}`;

/** The access rules of the actions: both routes of each, with the action's roles. */
export function actionAccess(actions: readonly StaffAction[]): Record<string, { roles: readonly StaffRole[] }> {
  return Object.fromEntries(
    actions.flatMap((a) => [
      [`${a.method} ${apiPathOf(a)}`, { roles: a.roles }],
      [`POST ${pagePathOf(a)}`, { roles: a.roles }],
    ]),
  );
}

function idsOf(c: Context<AppEnv>, path: string): Record<string, number> {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return Object.fromEntries(names.map((name) => [name, positiveIdParam(c, name)]));
}

/** Both routes of every action. The access check has run before any of them (server/auth/access.ts). */
export function staffActionRoutes(
  actions: readonly StaffAction[],
  services: StaffServices,
  renderPage: StaffPageRenderer,
) {
  const app = new Hono<AppEnv>();
  const callOf = (c: Context<AppEnv>, action: StaffAction): ActionCall => ({
    actor: actorOf(c.var.staff),
    principal: c.var.staff,
    ids: idsOf(c, action.path),
    services,
  });

  for (const action of actions) {
    app.on(action.method, apiPathOf(action), async (c) => {
      const call = callOf(c, action);
      const input = action.input ? await parseJsonBody(c, action.input) : undefined;
      const result = await action.run(call, input);
      return c.json(action.answer(result, input) as object, action.created ? 201 : 200);
    });

    app.post(pagePathOf(action), async (c) => {
      const call = callOf(c, action);
      const back = action.page.back(call);
      let input: unknown;
      let result: unknown;
      try {
        input = action.input ? await parseStaffForm(c, action.input) : undefined;
        result = await action.run(call, input);
      } catch (error) {
        // A refused change is shown where the form was, by its key (never free text in a URL).
        if (error instanceof AppError && (error.status === 409 || error.status === 422)) {
          const key = Object.values(error.fields)[0] ?? error.key;
          return c.redirect(`${back}?error=${encodeURIComponent(key)}`, 303);
        }
        throw error;
      }
      if (action.page.show) return action.page.show(c, { renderPage, services }, result, input);
      const notice = action.page.notice?.(result, input);
      return c.redirect(notice ? `${back}?notice=${encodeURIComponent(notice)}` : back, 303);
    });
  }
  return app;
}
