import { Router, type Request } from 'express';
import { ErrorCode, ok, type AuditEntry, type Identity } from '../../shared';
import type { Logger } from '../log';
import type { BoardService } from '../boards/board-service';
import { ServiceError } from '../core/errors';
import { BOM, csvLine } from '../export/csv';
import { bearer, handle, publicBase } from '../core/http';
import type { ServerConfig } from '../config';
import { copenhagenIso } from '../export/time';
import { CSV_SEPARATORS } from '../export/csv';
import { z } from 'zod';
import type { Moderation } from './index';

/**
 * The public call's REST side (no session: the link is the invitation) and the audit log
 * download. See docs/PROTOCOL.md "Public calls and moderation".
 */
export function moderationRoutes(deps: { config: ServerConfig; log: Logger; boards: BoardService; moderation: Moderation }): Router {
  const { config, log, boards, moderation } = deps;
  const router = Router();

  router.get(
    '/calls/:callId',
    handle(log, async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await moderation.calls.info(String(req.params.callId))));
    }),
  );

  router.post(
    '/calls/:callId/contributions',
    handle(log, async (req, res) => {
      const { receipt, created } = await moderation.calls.contribute(String(req.params.callId), req.body, senderOf(req, config));
      res.status(created ? 201 : 200).json(ok(receipt));
    }),
  );

  router.get(
    '/receipts/:code',
    handle(log, async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await moderation.calls.receipt(String(req.params.code), req.ip ?? 'unknown')));
    }),
  );

  router.get(
    '/boards/:boardId/audit.csv',
    handle(log, async (req, res) => {
      const boardId = String(req.params.boardId);
      await requireFacilitator(boards, boardId, bearer(req));
      const entries = await moderation.audit.all(boardId);
      const query = auditCsvQuerySchema.safeParse(req.query);
      if (!query.success) throw ServiceError.validation(query.error);
      const separator = query.data.sep;
      const lines = [BOM, csvLine(['at', 'actor', 'role', 'action', 'target', 'targetId', 'reason', 'before', 'after'], separator)];
      for (const entry of entries) lines.push(csvLine(auditRow(entry), separator));
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="audit-${boardId}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      res.end(lines.join(''));
    }),
  );

  return router;
}

/** The audit CSV takes the same separator choice as the exports (`;` for Danish Excel). */
const auditCsvQuerySchema = z.object({ sep: z.enum(CSV_SEPARATORS).default(';') }).strict();

function senderOf(req: Request, config: ServerConfig): { ip: string; device: string | null; publicBase: string } {
  const device = req.get('x-samskab-device');
  return {
    ip: req.ip ?? 'unknown',
    device: device && /^[A-Za-z0-9_-]{6,64}$/.test(device) ? device : null,
    publicBase: publicBase(config),
  };
}

async function requireFacilitator(boards: BoardService, boardId: string, token: string | undefined): Promise<Identity> {
  const identity = await boards.identify(token);
  if (!identity || identity.boardId !== boardId) {
    throw new ServiceError(ErrorCode.UNAUTHENTICATED, 'The session is unknown or belongs to another board.', 401);
  }
  if (identity.role !== 'facilitator') throw new ServiceError(ErrorCode.FORBIDDEN, 'Only facilitators read the audit log.', 403);
  return identity;
}

function auditRow(entry: AuditEntry): Array<string | number | null> {
  return [
    copenhagenIso(entry.at),
    entry.actor.name ?? entry.actor.participantId,
    entry.actor.role,
    entry.action,
    entry.target.kind,
    entry.target.id,
    entry.reason,
    entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === null ? null : JSON.stringify(entry.after),
  ];
}
