import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { parseJsonBody } from '../http/json-body';
import type { ReportSubmissionSchema } from './submission';
import type { ReportsService } from './service';

export function reportApiRoutes(deps: { reports: ReportsService; submissionSchema: ReportSubmissionSchema }) {
  return new Hono<AppEnv>().post('/reports', async (c) => {
    const submission = await parseJsonBody(c, deps.submissionSchema);
    const created = await deps.reports.submit(submission, { verified: c.var.intake.verified });
    return c.json(created, 201);
  });
}
