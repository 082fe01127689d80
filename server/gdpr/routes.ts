import { ErrorCode } from '../../shared';
import type { Logger } from '../log';
import { ServiceError } from '../core/errors';
import { route, uncheckedRoute, type MountedRoute } from '../core/http';
import { unsubscribePage, type FollowUp } from '../mail/follow-up';
import type { Persons } from './persons';

/**
 * REST without a session (docs/PROTOCOL.md §19): a receipt holder's own export and
 * deletion (the code is the key, rate limited as receipt look-ups: the table's limit), and
 * the one-click unsubscribe of the mails' links (GET from the link, POST per RFC 8058).
 */
export function personalDataRoutes(deps: { log: Logger; persons: Persons; followUp: Pick<FollowUp, 'unsubscribe'> }): MountedRoute[] {
  const { log, persons, followUp } = deps;
  return [
    route('myData', { handle: ({ params }) => persons.exportByReceipt(params.code) }),
    route('deleteMyData', { handle: ({ params }) => persons.deleteByReceipt(params.code) }),
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
