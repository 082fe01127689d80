import { Router } from 'express';
import { ok } from '../../shared';
import type { Logger } from '../log';
import { handle } from '../core/http';
import type { Polls } from './index';

/** The public call's survey (no session: the call's link is the invitation). docs/PROTOCOL.md §18. */
export function pollRoutes(deps: { log: Logger; polls: Polls }): Router {
  const { log, polls } = deps;
  const router = Router();
  router.get(
    '/calls/:callId/survey',
    handle(log, async (req, res) => {
      res.json(ok(await polls.survey.view(String(req.params.callId))));
    }),
  );
  router.post(
    '/calls/:callId/survey',
    handle(log, async (req, res) => {
      const device = req.get('x-samskab-device');
      const sender = { ip: req.ip ?? 'unknown', device: device && /^[A-Za-z0-9_-]{6,64}$/.test(device) ? device : null };
      res.status(201).json(ok(await polls.survey.answer(String(req.params.callId), req.body, sender)));
    }),
  );
  return router;
}
