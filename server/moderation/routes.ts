import { copenhagenIso, type AuditEntry } from '../../shared';
import type { ServerConfig } from '../config';
import { Answered, boardSession, publicBase, route, uncheckedRoute, type IdentifySession, type MountedRoute } from '../core/http';
import { BOM, csvLine } from '../core/csv-text';
import type { Moderation } from './index';

/**
 * The public call's REST side (no session: the link is the invitation) and the audit log
 * download. See docs/PROTOCOL.md "Public calls and moderation".
 */
export function moderationRoutes(deps: { config: ServerConfig; identify: IdentifySession; moderation: Moderation }): MountedRoute[] {
  const { config, identify, moderation } = deps;
  return [
    route('callInfo', { handle: ({ params }) => moderation.calls.info(params.callId) }),
    // The body is checked by the service after the address's and device's allowances are spent.
    uncheckedRoute('contribute', {
      handle: async ({ params, body, ip, header }) => {
        const device = header('x-samskab-device');
        const sender = { ip, device: device && /^[A-Za-z0-9_-]{6,64}$/.test(device) ? device : null, publicBase: publicBase(config) };
        const { receipt, created } = await moderation.calls.contribute(params.callId, body, sender);
        return new Answered(receipt, created ? 201 : 200);
      },
    }),
    route('receipt', { handle: ({ params, ip }) => moderation.calls.receipt(params.code, ip) }),
    route('auditCsv', {
      admit: ({ params, token }) => boardSession(identify, token, params.boardId, 'Only facilitators read the audit log.'),
      handle: async ({ params, query }, res) => {
        const entries = await moderation.audit.all(params.boardId);
        const separator = query.sep;
        const lines = [BOM, csvLine(['at', 'actor', 'role', 'action', 'target', 'targetId', 'reason', 'before', 'after'], separator)];
        for (const entry of entries) lines.push(csvLine(auditRow(entry), separator));
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="audit-${params.boardId}.csv"`);
        res.end(lines.join(''));
      },
    }),
  ];
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
