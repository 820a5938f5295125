import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import {
  fieldOfPath,
  fieldsOfSettings,
  settingsOfFields,
  withRows,
  type OfficeSettingsFields,
  type OfficeSettingsFormView,
} from '../../shared/office-settings-form';
import type { AtomicWriter } from '../../db/atomic';
import type { AuditLog } from '../audit/log';
import { actorOf } from '../auth/service';
import type { Clock } from '../clock';
import type { AppEnv } from '../http/env';
import { parseJsonBody } from '../http/json-body';
import { noticeKeyFrom, redirectWithNotice } from '../staff/forms';
import type { StaffPageRenderer } from '../staff/pages';
import { officeSettingsSchema, type OfficeSettings, type OfficeSettingsStore } from './settings';

const PAGE = '/staff/settings';

/** What an admin changed, by part: the audit log keeps the parts' names, never their words. */
function changedParts(before: OfficeSettings, after: OfficeSettings): string[] {
  const parts = { ...before.office, retentionMonths: before.retentionMonths, statsMinCount: before.statsMinCount };
  const next = { ...after.office, retentionMonths: after.retentionMonths, statsMinCount: after.statsMinCount };
  return Object.keys(next).filter(
    (k) => JSON.stringify(parts[k as keyof typeof parts]) !== JSON.stringify(next[k as keyof typeof next]),
  );
}

/**
 * The office's settings in the back office, for admins: the page (plain forms) and JSON. Checked by the
 * office file's own schema, written with its audit row, seen by every instance within seconds.
 */
export function officeSettingsRoutes({
  store,
  atomic,
  audit,
  clock,
  renderPage,
}: {
  store: OfficeSettingsStore;
  atomic: AtomicWriter;
  audit: AuditLog;
  clock: Clock;
  renderPage: StaffPageRenderer;
}) {
  async function save(c: Context<AppEnv>, settings: OfficeSettings): Promise<void> {
    const actor = actorOf(c.var.staff);
    const changed = changedParts(await store.current(), settings);
    await atomic([
      store.write(settings, clock.now().toISOString()),
      audit.entry(actor, 'office.settings', { detail: { changed } }),
    ]);
    store.forget();
  }

  const page = (c: Context<AppEnv>, form: OfficeSettingsFormView, errors: Record<string, string>, status?: 422) =>
    renderPage(
      c,
      'officeSettings',
      { form, errors, notice: noticeKeyFrom(c.req.query('notice')) },
      { titleKey: 'settings.title', ...(status ? { status } : {}) },
    );

  return new Hono<AppEnv>()
    .get(PAGE, async (c) => page(c, fieldsOfSettings(await store.current()), {}))
    .post(PAGE, async (c) => {
      const { _csrf: _, ...posted } = await c.req.parseBody();
      const fields: OfficeSettingsFields = Object.fromEntries(
        Object.entries(posted).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
      );
      const { input, rowNumbers } = settingsOfFields(fields);
      const parsed = officeSettingsSchema.safeParse(input);
      if (!parsed.success) {
        // Everything typed comes back, each error at its field.
        const errors: Record<string, string> = { _: 'errors.settings_invalid' };
        for (const issue of parsed.error.issues) {
          const field = fieldOfPath(issue.path, rowNumbers);
          errors[field in fields ? field : '_list'] ??= settingsErrorKey(issue);
        }
        return page(c, withRows(fields), errors, 422);
      }
      await save(c, parsed.data);
      return redirectWithNotice(c, PAGE, 'notices.settings_saved');
    })
    .get('/api/staff/settings/office', async (c) => c.json(await store.current()))
    .put('/api/staff/settings/office', async (c) => {
      const settings = await parseJsonBody(c, officeSettingsSchema);
      await save(c, settings);
      return c.json(await store.current());
    });
}

/** A schema issue as the back office's words: what to do about the field. */
function settingsErrorKey(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_format') return issue.format === 'url' ? 'errors.settings_url' : 'errors.settings_format';
  if (issue.code === 'too_small' && issue.origin === 'array') return 'errors.settings_list_empty';
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number')
    return 'errors.settings_number';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'errors.settings_number';
  return 'errors.settings_required';
}
