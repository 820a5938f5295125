import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { parseJsonBody } from '../http/json-body';
import type { OfficeSchemas } from './submission';
import type { ReportsService } from './service';

export function reportApiRoutes(deps: { reports: ReportsService; schemas: OfficeSchemas }) {
  return new Hono<AppEnv>().post('/reports', async (c) => {
    const submission = await parseJsonBody(c, deps.schemas(c.var.officeSettings.office).submission);
    const created = await deps.reports.submit(submission, { verified: c.var.intake.verified });
    return c.json(created, 201);
  });
}
