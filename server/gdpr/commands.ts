import type { SocketHandlers } from '../core/register';
import type { Persons } from './persons';

/** The personal-data commands (docs/PROTOCOL.md §19), as handlers over the person service. */
export function personalDataCommands(persons: Persons) {
  return {
    'person:find': (p, { identity }) => persons.find(identity, p),
    'person:export': (p, { identity }) => persons.export(identity, p),
    'person:delete': (p, { identity }) => persons.delete(identity, { by: p.by, value: p.value }, p.reason),
  } satisfies Partial<SocketHandlers>;
}
