import { route, type MountedRoute } from '../core/http';
import type { Persons } from './persons';

/**
 * A receipt holder's own export and deletion, without a session (docs/PROTOCOL.md §19.5):
 * the code is the key, rate limited as receipt look-ups (the table's limit).
 */
export function personalDataRoutes(deps: { persons: Pick<Persons, 'exportByReceipt' | 'deleteByReceipt'> }): MountedRoute[] {
  const { persons } = deps;
  return [
    route('myData', { handle: ({ params }) => persons.exportByReceipt(params.code) }),
    route('deleteMyData', { handle: ({ params }) => persons.deleteByReceipt(params.code) }),
  ];
}
