import { Hono } from 'hono';
import { receiptLookupSchema, receiptMessageSchema, receiptWithdrawSchema } from '../../shared/report';
import type { AppContext, AppEnv } from '../http/env';
import { parseJsonBody } from '../http/json-body';
import type { ReceiptsService } from './service';

/** The receipt code travels in the body, never in a URL, so it appears in no history, log or referrer. */
export function receiptApiRoutes(deps: { receipts: ReceiptsService; clientKey: (c: AppContext) => string }) {
  const { receipts, clientKey } = deps;
  return new Hono<AppEnv>()
    .post('/receipt', async (c) => {
      const { receipt } = await parseJsonBody(c, receiptLookupSchema);
      return c.json(await receipts.status(receipt, clientKey(c), c.var.locale));
    })
    .post('/receipt/messages', async (c) => {
      const { receipt, body, locale } = await parseJsonBody(c, receiptMessageSchema);
      await receipts.addMessage(receipt, clientKey(c), body, locale);
      return c.json({ added: true }, 201);
    })
    .post('/receipt/withdraw', async (c) => {
      const { receipt } = await parseJsonBody(c, receiptWithdrawSchema);
      await receipts.withdraw(receipt, clientKey(c));
      return c.json({ withdrawn: true });
    });
}
