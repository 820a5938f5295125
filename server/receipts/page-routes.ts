import { Hono } from 'hono';
import { receiptMessageSchema } from '../../shared/report';
import { EVIDENCE_REMOVE_FIELD, type EvidenceField, type EvidenceUpload } from '../../shared/evidence';
import { evidenceFromPost, filesIn, readForm } from '../evidence/form';
import type { EvidenceService } from '../evidence/service';
import type { AppContext, AppEnv } from '../http/env';
import { AppError, fieldErrorsOf } from '../http/errors';
import type { PageRenderer } from '../http/pages';
import { newOneTimeToken, postedOneTimeToken } from '../reports/one-time-token';
import type { ReceiptsService } from './service';

interface Deps {
  receipts: ReceiptsService;
  clientKey: (c: AppContext) => string;
  renderPage: PageRenderer;
  /** Files added later (also in answer to the office); null when the office takes none. */
  evidence: EvidenceService | null;
}

export function receiptPageRoutes({ receipts, clientKey, renderPage, evidence }: Deps) {
  const evidenceField = (upload: EvidenceUpload | null): EvidenceField | null =>
    evidence ? { upload, limits: evidence.limits, kinds: [...evidence.kinds] } : null;

  const lookup = (c: AppContext, error?: string, status: 200 | 404 | 429 = 200) =>
    renderPage(c, 'receiptLookup', error ? { error } : {}, {
      titleKey: 'receipt.title',
      switchPath: '/receipt',
      status,
    });

  const statusPage = async (
    c: AppContext,
    receipt: string,
    extra: {
      errors?: Record<string, string>;
      notice?: 'added' | 'already_sent' | 'check_files';
      draft?: string;
      evidence?: EvidenceUpload | null;
      /** Kept while the person checks the files they chose: the same form, sent once. */
      messageToken?: string | null;
    } = {},
  ) => {
    const report = await receipts.status(receipt, clientKey(c), c.var.locale);
    const field = evidenceField(extra.evidence ?? null);
    const refused = Boolean(field?.upload?.refused.length);
    return renderPage(
      c,
      'receiptStatus',
      {
        receipt,
        report,
        errors: extra.errors ?? {},
        // A fresh token for each message form drawn: the post of this form creates one message at most.
        messageToken: extra.messageToken ?? newOneTimeToken(),
        ...(extra.draft ? { draft: extra.draft } : {}),
        ...(extra.notice ? { notice: extra.notice } : {}),
        ...(field ? { evidence: field } : {}),
      },
      {
        titleKey: 'receipt.title',
        switchPath: '/receipt',
        // A reload shows the code form again instead of sending the code (or a message) once more.
        historyPath: '/receipt',
        status: (extra.errors && Object.keys(extra.errors).length) || refused ? 422 : 200,
      },
    );
  };

  /** A wrong or throttled code sends the person back to the code field with the reason. */
  const withCode = async (c: AppContext, action: (receipt: string) => Promise<Response>) => {
    const body = await readForm(c);
    const receipt = typeof body.receipt === 'string' ? body.receipt : '';
    try {
      return await action(receipt);
    } catch (error) {
      if (error instanceof AppError && (error.status === 404 || error.status === 429)) {
        if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
        return lookup(c, error.key, error.status);
      }
      throw error;
    }
  };

  return new Hono<AppEnv>()
    .get('/receipt', (c) => lookup(c))
    .post('/receipt', (c) => withCode(c, (receipt) => statusPage(c, receipt)))
    .post('/receipt/messages', (c) =>
      withCode(c, async (receipt) => {
        const body = await readForm(c);
        const typed = typeof body.body === 'string' ? body.body : '';
        const token = postedOneTimeToken(body.messageToken);
        const files = evidence ? await evidenceFromPost(c, evidence, body) : null;
        // Files just chosen (or one removed) are shown first, cleaned, with the message kept: nothing is sent yet.
        if (filesIn(body).length > 0 || body[EVIDENCE_REMOVE_FIELD] !== undefined)
          return statusPage(c, receipt, {
            draft: typed,
            evidence: files,
            messageToken: token,
            ...(files?.files.length ? { notice: 'check_files' as const } : {}),
          });
        const withFiles = evidence && files?.files.length ? files : null;
        let text: string | null = null;
        if (typed.trim() || !withFiles) {
          const parsed = receiptMessageSchema.safeParse({ receipt, body: typed, locale: c.var.locale });
          if (!parsed.success)
            return statusPage(c, receipt, { errors: fieldErrorsOf(parsed.error), draft: typed, evidence: files });
          text = parsed.data.body;
        }
        try {
          await receipts.addMessage(
            receipt,
            clientKey(c),
            text,
            c.var.locale,
            token,
            withFiles ? () => evidence!.prepare(withFiles.token, 'reporter') : undefined,
          );
        } catch (error) {
          if (error instanceof AppError && error.key === 'errors.already_sent')
            return statusPage(c, receipt, { notice: 'already_sent' });
          if (error instanceof AppError && error.status === 409)
            return statusPage(c, receipt, { errors: { body: error.key }, draft: typed, evidence: files });
          throw error;
        }
        return statusPage(c, receipt, { notice: 'added' });
      }),
    )
    .post('/receipt/withdraw', (c) =>
      withCode(c, async (receipt) => {
        const body = await readForm(c);
        if (body.confirm !== 'on')
          return statusPage(c, receipt, { errors: { confirm: 'errors.withdraw_confirm_required' } });
        await receipts.withdraw(receipt, clientKey(c));
        // Post/Redirect/Get: nothing secret in the address, and a reload cannot post the code again.
        return c.redirect(`/${c.var.locale}/receipt/withdrawn`, 303);
      }),
    )
    .get('/receipt/withdrawn', (c) =>
      renderPage(
        c,
        'message',
        { titleKey: 'receipt.withdrawn_title', bodyKey: 'receipt.withdrawn_text' },
        { titleKey: 'receipt.withdrawn_title', switchPath: '/receipt/withdrawn' },
      ),
    );
}
