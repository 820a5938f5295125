import { Hono } from 'hono';
import { receiptMessageSchema } from '../../shared/report';
import type { AppContext, AppEnv } from '../http/env';
import { AppError, fieldErrorsOf } from '../http/errors';
import type { PageRenderer } from '../http/pages';
import { newOneTimeToken, postedOneTimeToken } from '../reports/one-time-token';
import type { ReceiptsService } from './service';

interface Deps {
  receipts: ReceiptsService;
  clientKey: (c: AppContext) => string;
  renderPage: PageRenderer;
}

export function receiptPageRoutes({ receipts, clientKey, renderPage }: Deps) {
  const lookup = (c: AppContext, error?: string, status: 200 | 404 | 429 = 200) =>
    renderPage(c, 'receiptLookup', error ? { error } : {}, {
      titleKey: 'receipt.title',
      switchPath: '/receipt',
      status,
    });

  const statusPage = async (
    c: AppContext,
    receipt: string,
    extra: { errors?: Record<string, string>; notice?: 'added' | 'already_sent'; draft?: string } = {},
  ) => {
    const report = await receipts.status(receipt, clientKey(c), c.var.locale);
    return renderPage(
      c,
      'receiptStatus',
      {
        receipt,
        report,
        errors: extra.errors ?? {},
        // A fresh token for each message form drawn: the post of this form creates one message at most.
        messageToken: newOneTimeToken(),
        ...(extra.draft ? { draft: extra.draft } : {}),
        ...(extra.notice ? { notice: extra.notice } : {}),
      },
      {
        titleKey: 'receipt.title',
        switchPath: '/receipt',
        // A reload shows the code form again instead of sending the code (or a message) once more.
        historyPath: '/receipt',
        status: extra.errors && Object.keys(extra.errors).length ? 422 : 200,
      },
    );
  };

  /** A wrong or throttled code sends the person back to the code field with the reason. */
  const withCode = async (c: AppContext, action: (receipt: string) => Promise<Response>) => {
    const body = await c.req.parseBody();
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
        const body = await c.req.parseBody();
        const parsed = receiptMessageSchema.safeParse({ receipt, body: body.body, locale: c.var.locale });
        const typed = typeof body.body === 'string' ? body.body : '';
        if (!parsed.success) return statusPage(c, receipt, { errors: fieldErrorsOf(parsed.error), draft: typed });
        try {
          const token = postedOneTimeToken(body.messageToken);
          await receipts.addMessage(receipt, clientKey(c), parsed.data.body, c.var.locale, token);
        } catch (error) {
          if (error instanceof AppError && error.key === 'errors.already_sent')
            return statusPage(c, receipt, { notice: 'already_sent' });
          if (error instanceof AppError && error.status === 409)
            return statusPage(c, receipt, { errors: { body: error.key }, draft: typed });
          throw error;
        }
        return statusPage(c, receipt, { notice: 'added' });
      }),
    )
    .post('/receipt/withdraw', (c) =>
      withCode(c, async (receipt) => {
        const body = await c.req.parseBody();
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
