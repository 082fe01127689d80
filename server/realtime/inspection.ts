import type { ErrorCode, IdeaField } from '../../shared';

/**
 * What the update inspector (update-inspector.ts) says an update would change, in the
 * board's own terms, for the write policy (update-policy.ts) and the room's hooks to judge.
 */

export type Change =
  /** A new Y.Map placed under `ideas` (creating the idea, or replacing one with the same id). */
  | { kind: 'idea.put'; ideaId: string; client: number; fields: Map<IdeaField, unknown> }
  | { kind: 'idea.delete'; ideaId: string; authorId: unknown }
  /** A field of an idea that exists on the server. `authorId` is that idea's author. */
  | { kind: 'idea.field'; ideaId: string; field: IdeaField; value: unknown; client: number; authorId: unknown }
  | { kind: 'idea.fieldDelete'; ideaId: string; field: IdeaField; authorId: unknown }
  | { kind: 'root.write'; root: string; key: string | null; client: number };

export interface Inspection {
  changes: Change[];
  /** For each Yjs client id in the update: the clock after its last new struct. */
  clocks: Map<number, number>;
  /** Nothing in the update is new to the server. */
  noop: boolean;
}

export class InspectionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
