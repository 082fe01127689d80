import { Router, type Request, type Response } from 'express';
import { ErrorCode, ok } from '../../shared';
import type { Logger } from '../log';
import { ServiceError } from '../core/errors';
import { handle } from '../core/http';
import type { AbuseLimits } from '../moderation/abuse-limits';
import { unsubscribePage, type FollowUp } from '../mail/follow-up';
import type { Persons } from './persons';

/**
 * REST without a session (docs/PROTOCOL.md §19): a receipt holder's own export and
 * deletion (the code is the key, rate limited as receipt look-ups), and the one-click
 * unsubscribe of the mails' links (GET from the link, POST per RFC 8058).
 */
export function personalDataRoutes(deps: { log: Logger; persons: Persons; followUp: FollowUp; limits: AbuseLimits }): Router {
  const { log, persons, followUp, limits } = deps;
  const router = Router();

  router.get(
    '/receipts/:code/personal-data',
    handle(log, async (req, res) => {
      await limits.consume('receiptLookupsPerIp', req.ip ?? 'unknown');
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await persons.exportByReceipt(String(req.params.code))));
    }),
  );

  router.delete(
    '/receipts/:code/personal-data',
    handle(log, async (req, res) => {
      await limits.consume('receiptLookupsPerIp', req.ip ?? 'unknown');
      res.json(ok(await persons.deleteByReceipt(String(req.params.code))));
    }),
  );

  router.post(
    '/mail/unsubscribe',
    handle(log, async (req, res) => {
      res.json(ok(await followUp.unsubscribe(tokenOf(req))));
    }),
  );

  // The link in the mail: one click deletes the address and shows a page saying so.
  router.get('/mail/unsubscribe', (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type('html');
    followUp.unsubscribe(tokenOf(req)).then(
      ({ locale }) => res.status(200).send(unsubscribePage(locale, 'done')),
      (error: unknown) => {
        if (error instanceof ServiceError) return res.status(error.status).send(unsubscribePage('da', error.code === ErrorCode.FORBIDDEN ? 'forged' : 'used'));
        log.error({ err: error }, 'unsubscribe failed');
        res.status(500).send(unsubscribePage('da', 'forged'));
      },
    );
  });

  return router;
}

function tokenOf(req: Request): string {
  const fromQuery = typeof req.query.t === 'string' ? req.query.t : '';
  const body = req.body as { t?: unknown } | undefined;
  return fromQuery || (typeof body?.t === 'string' ? body.t : '');
}
