import { ErrorCode } from '../../shared';
import type { Logger } from '../log';
import { ServiceError } from '../core/errors';
import { uncheckedRoute, type MountedRoute } from '../core/http';
import { unsubscribePage, type FollowUp } from './follow-up';

/**
 * The one-click unsubscribe of the mails' links (docs/PROTOCOL.md §19.2): GET from the
 * link, POST per RFC 8058. No session: the signed token is the key. Its input is the
 * token alone, read leniently from the query or a JSON body (a missing one is "forged").
 */
export function mailRoutes(deps: { log: Logger; followUp: Pick<FollowUp, 'unsubscribe'> }): MountedRoute[] {
  const { log, followUp } = deps;
  return [
    uncheckedRoute('unsubscribe', { handle: ({ query, body }) => followUp.unsubscribe(tokenOf(query, body)) }),
    // The link in the mail: one click deletes the address and shows a page saying so.
    uncheckedRoute('unsubscribePage', {
      handle: async ({ query, body }, res) => {
        res.type('html');
        await followUp.unsubscribe(tokenOf(query, body)).then(
          ({ locale }) => res.status(200).send(unsubscribePage(locale, 'done')),
          (error: unknown) => {
            if (error instanceof ServiceError) return res.status(error.status).send(unsubscribePage('da', error.code === ErrorCode.FORBIDDEN ? 'forged' : 'used'));
            log.error({ err: error }, 'unsubscribe failed');
            res.status(500).send(unsubscribePage('da', 'forged'));
          },
        );
      },
    }),
  ];
}

/** The token from the link's `?t=` or, for the one-click POST, from a JSON body's `t`. */
function tokenOf(query: unknown, body: unknown): string {
  const fromQuery = (query as { t?: unknown } | undefined)?.t;
  const fromBody = (body as { t?: unknown } | undefined)?.t;
  return (typeof fromQuery === 'string' ? fromQuery : '') || (typeof fromBody === 'string' ? fromBody : '');
}
